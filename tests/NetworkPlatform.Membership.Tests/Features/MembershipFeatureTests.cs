using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Failures;
using System.Text.Json;
using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Storage;
using AppointmentEndReason = NetworkPlatform.Membership.Domain.AppointmentEndReason;
using MembershipState = NetworkPlatform.Membership.Domain.MembershipState;
using RepresentativeRole = NetworkPlatform.Membership.Domain.RepresentativeRole;
using Organisations = NetworkPlatform.Membership.Features.Organisations;
using Representatives = NetworkPlatform.Membership.Features.Representatives;

using NetworkPlatform.Membership.Tests.Domain;
using static NetworkPlatform.Membership.Api.OrganisationMapping;
using static NetworkPlatform.Membership.Api.RepresentativeMapping;

namespace NetworkPlatform.Membership.Tests.Features;

/// <summary>Membership and appointment use cases on both real storage adapters, with the events they leave in the outbox.</summary>
public class MembershipFeatureTests
{
    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task resigning_ends_every_appointment_in_the_same_transaction_and_the_events_say_so(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var member = await scenario.ActiveMemberAsync();
        var first = await scenario.AppointAsync(member, await scenario.PersonAsync(member, "Ingrid Haugen"));
        var second = await scenario.AppointAsync(member, await scenario.PersonAsync(member, "Jonas Berg"), V1.RepresentativeRole.Deputy);

        var resigned = await new Organisations.ResignMembership(store.Context).RunAsync(
            ToCommand(new ResignMembershipRequest { NetworkId = scenario.NetworkId, OrganisationId = member,
                Reason = "Leaving the partnership" }),
            scenario.Secretariat, default);

        Assert.Equal(MembershipState.Resigned, resigned.Document.Membership.State);
        foreach (var id in new[] { first, second })
        {
            var view = await new Representatives.GetRepresentative(store.Context).RunAsync(
                ToQuery(new GetRepresentativeRequest { NetworkId = scenario.NetworkId, RepresentativeId = id }), scenario.Secretariat,
                    default);
            Assert.Equal(AppointmentEndReason.MembershipEnded, view.Appointment.Document.EndReason);
        }
        var events = await store.EventsAsync();
        var withdrawn = events.Where(e => e.MessageType.EndsWith(".RepresentativeWithdrawn", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, withdrawn.Count);
        Assert.All(withdrawn, e => Assert.Equal("MembershipEnded",
            JsonDocument.Parse(e.Payload).RootElement.GetProperty("reason").GetString()));
        var resignedEvent = JsonDocument.Parse(events.Last().Payload).RootElement;
        Assert.EndsWith(".MembershipResigned", events.Last().MessageType, StringComparison.Ordinal);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal),
            resignedEvent.GetProperty("endedRepresentativeIds").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task the_lifecycle_publishes_one_event_per_step_with_the_aggregate_version(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var member = await scenario.ActiveMemberAsync();
        await new Organisations.SuspendMembership(store.Context).RunAsync(
            ToCommand(new SuspendMembershipRequest { NetworkId = scenario.NetworkId, OrganisationId = member, Reason = "No activity" }),
                scenario.Secretariat, default);
        await new Organisations.ReinstateMembership(store.Context).RunAsync(
            ToCommand(new ReinstateMembershipRequest { NetworkId = scenario.NetworkId, OrganisationId = member }), scenario.Secretariat,
                default);

        var events = (await store.EventsAsync()).Where(e => e.AggregateId == member).ToList();

        Assert.Equal(["OrganisationRegistered", "MembershipApplied", "MembershipApproved", "MembershipSuspended", "MembershipReinstated"],
            events.Select(e => e.MessageType[(e.MessageType.LastIndexOf('.') + 1)..]));
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.AggregateVersion));
        var history = ToProto(await new Organisations.ListMembershipHistory(store.Context).RunAsync(ToQuery(
            new ListMembershipHistoryRequest { NetworkId = scenario.NetworkId, OrganisationId = member }), scenario.Secretariat, default));
        Assert.Equal("No activity", history.Steps[2].Reason);
        Assert.Equal("secretariat-1", history.Steps[2].DecidedBy);
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task a_suspended_member_cannot_appoint(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var member = await scenario.ActiveMemberAsync();
        var person = await scenario.PersonAsync(member);
        await new Organisations.SuspendMembership(store.Context).RunAsync(
            ToCommand(new SuspendMembershipRequest { NetworkId = scenario.NetworkId, OrganisationId = member, Reason = "paused" }),
                scenario.Secretariat, default);

        var error = Rules.Broken(await Assert.ThrowsAsync<RuleViolationException>(() => scenario.AppointAsync(member, person)));

        Assert.Equal("MEMBERSHIP_NOT_ACTIVE", error.Reason);
        Assert.DoesNotContain("RepresentativeAppointed", await store.EventNamesAsync());
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task the_same_person_cannot_be_appointed_twice_for_an_organisation(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var member = await scenario.ActiveMemberAsync();
        var person = await scenario.PersonAsync(member);
        var first = await scenario.AppointAsync(member, person);

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(() => scenario.AppointAsync(member, person,
            V1.RepresentativeRole.Deputy));

        Assert.Equal(first, error.Name);
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task a_retried_create_with_the_same_request_id_returns_the_first_result_and_publishes_once(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var request = new CreateOrganisationRequest
        {
            NetworkId = scenario.NetworkId,
            RequestId = Guid.NewGuid().ToString(),
            Organisation = new V1.Organisation { DisplayName = "Trygg Skolevei", OrganisationNumber = "966131861",
                Kind = V1.OrganisationKind.Ngo },
        };

        var first = await new Organisations.CreateOrganisation(store.Context).RunAsync(ToCommand(request), scenario.Secretariat, default);
        var retried = await new Organisations.CreateOrganisation(store.Context).RunAsync(ToCommand(request), scenario.Secretariat, default);

        Assert.Equal(first.Document.Id, retried.Document.Id);
        Assert.Equal(1, (await store.EventNamesAsync()).Count(n => n == "OrganisationRegistered"));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task a_stale_etag_is_a_conflict_that_reports_the_current_version(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var organisation = await scenario.RegisterAsync();
        await new Organisations.ApplyForMembership(store.Context).RunAsync(
            ToCommand(new ApplyForMembershipRequest { NetworkId = scenario.NetworkId, OrganisationId = organisation.Id }),
                scenario.Secretariat, default);

        var update = new UpdateOrganisationRequest
        {
            NetworkId = scenario.NetworkId,
            Organisation = new V1.Organisation { Id = organisation.Id, DisplayName = "Fjordvik kommune (ny)", Etag = organisation.Etag },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "display_name" } },
        };
        var conflict = await Assert.ThrowsAsync<StaleEtagException>(() =>
            new Organisations.UpdateOrganisation(store.Context).RunAsync(ToCommand(update), scenario.Secretariat, default));

        Assert.Equal("2", conflict.CurrentEtag);
        update.Organisation.Etag = "2";
        var updated = await new Organisations.UpdateOrganisation(store.Context).RunAsync(ToCommand(update), scenario.Secretariat, default);
        Assert.Equal(("Fjordvik kommune (ny)", 3L, "952601814"),
            (updated.Document.DisplayName, updated.Version, updated.Document.OrganisationNumber));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task appointing_a_representative_leaves_the_organisations_etag_so_a_contact_edit_is_not_stale(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var member = await scenario.ActiveMemberAsync();
        var readBefore = (await store.Context.Store.GetAsync(Storage.MembershipCollections.Organisations, scenario.NetworkId, member))!;

        var appointed = await scenario.AppointAsync(member, await scenario.PersonAsync(member));
        await new Representatives.WithdrawRepresentative(store.Context).RunAsync(ToCommand(new WithdrawRepresentativeRequest
            { NetworkId = scenario.NetworkId, RepresentativeId = appointed, Reason = "Changed jobs" }), scenario.Secretariat, default);
        var update = new UpdateOrganisationRequest
        {
            NetworkId = scenario.NetworkId,
            Organisation = new V1.Organisation { Id = member, Contact = new V1.ContactDetails { Email = "post@fjordvik.kommune.no" },
                Etag = readBefore.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "contact" } },
        };
        var updated = await new Organisations.UpdateOrganisation(store.Context).RunAsync(ToCommand(update), scenario.Secretariat, default);

        Assert.Equal(("post@fjordvik.kommune.no", readBefore.Version + 1), (updated.Document.Contact.Email, updated.Version));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task two_racing_appointments_of_one_person_leave_exactly_one(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var member = await scenario.ActiveMemberAsync();
        var person = await scenario.PersonAsync(member);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var request = Scenario.Appointment(scenario.NetworkId, member, person);
            try
            {
                await new Representatives.AppointRepresentative(store.Context).RunAsync(ToCommand(request), scenario.Secretariat, default);
                return "appointed";
            }
            catch (AlreadyExistsException)
            {
                return "refused";
            }
        }));

        Assert.Equal(["appointed", "refused", "refused", "refused"], attempts.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task an_organisation_manages_only_its_own_representatives(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var fjordvik = await scenario.ActiveMemberAsync("Fjordvik kommune");
        var aasen = await scenario.ActiveMemberAsync("Nordre Åsen kommune");
        var person = await scenario.PersonAsync(aasen);

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            new Representatives.AppointRepresentative(store.Context).RunAsync(ToCommand(Scenario.Appointment(scenario.NetworkId, aasen,
                person)),
            scenario.RepresentativeOf(fjordvik), default));
        var own = await new Representatives.AppointRepresentative(store.Context).RunAsync(ToCommand(Scenario.Appointment(scenario.NetworkId,
            aasen, person)),
            scenario.RepresentativeOf(aasen), default);

        Assert.Equal("OTHER_ORGANISATION", denied.Reason);
        Assert.True(own.Appointment.Document.IsActive);
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task replacing_a_representative_ends_one_and_appoints_the_other_in_the_same_role(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var member = await scenario.ActiveMemberAsync();
        var old = await scenario.AppointAsync(member, await scenario.PersonAsync(member, "Ingrid Haugen"), V1.RepresentativeRole.Deputy);
        var successor = await scenario.PersonAsync(member, "Jonas Berg");

        var (ended,
            appointed) = await new Representatives.ReplaceRepresentative(store.Context).RunAsync(ToCommand(new ReplaceRepresentativeRequest
        {
            NetworkId = scenario.NetworkId,
            RepresentativeId = old,
            NewPersonId = successor,
            HoursPerMonth = 6,
            ApprovingManager = new V1.ApprovingManager { FullName = "Per Solberg" },
            Reason = "New job",
        }), scenario.Secretariat, default);

        Assert.Equal(AppointmentEndReason.Replaced, ended.Appointment.Document.EndReason);
        Assert.Equal((successor, RepresentativeRole.Deputy, "Jonas Berg"),
            (appointed.Appointment.Document.PersonId, appointed.Appointment.Document.Role, appointed.PersonFullName));
        var check = ToProto(await new Representatives.CheckRepresentative(store.Context).RunAsync(ToQuery(
            new CheckRepresentativeRequest { NetworkId = scenario.NetworkId, PersonId = successor }), scenario.Secretariat, default));
        Assert.True(check.ActiveRepresentative);
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task check_representative_answers_no_once_the_membership_is_suspended(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var member = await scenario.ActiveMemberAsync();
        var person = await scenario.PersonAsync(member);
        var bystander = await scenario.PersonAsync(member, "Jonas Berg", "jonas@example.no");
        await scenario.AppointAsync(member, person);
        var check = new CheckRepresentativeRequest { NetworkId = scenario.NetworkId, PersonId = person };

        var before = ToProto(await new Representatives.CheckRepresentative(store.Context).RunAsync(ToQuery(check), scenario.Secretariat,
            default));
        await new Organisations.SuspendMembership(store.Context).RunAsync(
            ToCommand(new SuspendMembershipRequest { NetworkId = scenario.NetworkId, OrganisationId = member, Reason = "x" }),
                scenario.Secretariat, default);
        var after = ToProto(await new Representatives.CheckRepresentative(store.Context).RunAsync(ToQuery(check), scenario.Secretariat,
            default));
        var notAppointed = ToProto(await new Representatives.CheckRepresentative(store.Context).RunAsync(ToQuery(
            new CheckRepresentativeRequest { NetworkId = scenario.NetworkId, PersonId = bystander }), scenario.Secretariat, default));

        Assert.True(before.ActiveRepresentative);
        Assert.Single(before.Appointments);
        Assert.Equal((false, "MEMBERSHIP_NOT_ACTIVE", V1.MembershipState.Suspended),
            (after.ActiveRepresentative, after.Reason, after.MembershipState));
        Assert.Equal((false, "NO_ACTIVE_APPOINTMENT"), (notAppointed.ActiveRepresentative, notAppointed.Reason));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task listing_organisations_filters_by_state_and_pages_in_a_stable_order(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var active = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            active.Add(await scenario.ActiveMemberAsync($"Kommune {i}"));
        }
        await scenario.RegisterAsync("Only registered");

        var seen = new List<string>();
        var request = new ListOrganisationsRequest { NetworkId = scenario.NetworkId, PageSize = 2,
            MembershipState = V1.MembershipState.Active };
        do
        {
            var page = await new Organisations.ListOrganisations(store.Context).RunAsync(ToQuery(request), scenario.Secretariat, default);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(i => i.Document.Id));
            request.PageToken = page.NextPageToken ?? "";
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(active.Order(StringComparer.Ordinal), seen);
    }
}
