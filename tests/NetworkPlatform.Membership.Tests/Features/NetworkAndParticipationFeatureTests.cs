using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Failures;
using System.Text;
using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Seed;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Storage;
using Directory = NetworkPlatform.Membership.Features.Directory;
using Networks = NetworkPlatform.Membership.Features.Networks;
using Organisations = NetworkPlatform.Membership.Features.Organisations;
using Participation = NetworkPlatform.Membership.Features.Participation;
using Persons = NetworkPlatform.Membership.Features.Persons;
using Representatives = NetworkPlatform.Membership.Features.Representatives;
using ParticipationState = NetworkPlatform.Membership.Domain.ParticipationState;

using NetworkPlatform.Membership.Tests.Domain;
using static NetworkPlatform.Membership.Api.DirectoryMapping;
using static NetworkPlatform.Membership.Api.NetworkMapping;
using static NetworkPlatform.Membership.Api.OrganisationMapping;
using static NetworkPlatform.Membership.Api.ParticipationMapping;

namespace NetworkPlatform.Membership.Tests.Features;

/// <summary>Networks of networks, forwarded participation requests, the directory and the demo seed, on both adapters.</summary>
public class NetworkAndParticipationFeatureTests
{
    /// <summary>norsk-hph (with one active member and its representative) is a member of international-hph.</summary>
    private static async Task<(Scenario National, Scenario International, string Organisation,
        string Person)> NationalInsideInternationalAsync(MembershipStore store)
    {
        var national = await new Scenario(store.Context, "norsk-hph").WithNetworkAsync(V1.NetworkKind.HealthPromotingNetwork);
        var international = await new Scenario(store.Context, "international-hph").WithNetworkAsync(V1.NetworkKind.HealthPromotingNetwork);
        var link = await new Organisations.CreateOrganisation(store.Context).RunAsync(ToCommand(new CreateOrganisationRequest
        {
            NetworkId = international.NetworkId,
            Organisation = new V1.Organisation { DisplayName = "Norsk HPH", Kind = V1.OrganisationKind.Network,
                LinkedNetworkId = national.NetworkId },
        }), international.Secretariat, default);
        await new Organisations.ApplyForMembership(store.Context).RunAsync(
            ToCommand(new ApplyForMembershipRequest { NetworkId = international.NetworkId, OrganisationId = link.Document.Id }),
                international.Secretariat, default);
        await new Organisations.ApproveMembership(store.Context).RunAsync(
            ToCommand(new ApproveMembershipRequest { NetworkId = international.NetworkId, OrganisationId = link.Document.Id }),
                international.Secretariat, default);
        var hospital = await national.ActiveMemberAsync("Helse Vestkyst HF");
        var person = await national.PersonAsync(hospital, "Solveig Knutsen");
        await national.AppointAsync(hospital, person);
        return (national, international, hospital, person);
    }

    private static RequestParticipationRequest JoinTaskForce(string organisation, string person) => new()
    {
        NetworkId = "norsk-hph",
        ParticipationRequest = new V1.ParticipationRequest
        {
            OrganisationId = organisation,
            PersonId = person,
            Kind = V1.ParticipationKind.JoinGroup,
            GroupId = "tf-children",
            GroupNetworkId = "international-hph",
        },
    };

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task a_member_network_relation_is_listed_from_both_sides(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var (national, international, _, _) = await NationalInsideInternationalAsync(store);

        var fromChild = ToProto(await new Networks.ListNetworkRelations(store.Context).RunAsync(ToQuery(
            new ListNetworkRelationsRequest { NetworkId = national.NetworkId }), national.Secretariat, default));
        var fromParent = ToProto(await new Networks.ListNetworkRelations(store.Context).RunAsync(ToQuery(
            new ListNetworkRelationsRequest { NetworkId = international.NetworkId }), international.Secretariat, default));

        var parent = Assert.Single(fromChild.Parents);
        Assert.Empty(fromChild.Children);
        Assert.Equal(("international-hph", "norsk-hph", V1.MembershipState.Active),
            (parent.ParentNetworkId, parent.ChildNetworkId, parent.MembershipState));
        Assert.Equal(parent, Assert.Single(fromParent.Children));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task a_request_for_an_international_group_is_forwarded_up_and_answered_there_with_the_chain_visible_to_both(
        string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var (national, international, hospital, person) = await NationalInsideInternationalAsync(store);
        var requester = new Caller("solveig", national.NetworkId, hospital, person, new HashSet<string> { Roles.Representative });

        var requested = await new Participation.RequestParticipation(store.Context).RunAsync(ToCommand(JoinTaskForce(hospital, person)),
            requester, default);
        var early = Rules.Broken(await Assert.ThrowsAsync<RuleViolationException>(() =>
            new Participation.AnswerParticipationRequest(store.Context).RunAsync(
                ToCommand(new AnswerParticipationRequestRequest { NetworkId = national.NetworkId,
                    ParticipationRequestId = requested.Document.Id, Answer = V1.ParticipationAnswer.Approved }),
            national.Secretariat, default)));
        await new Participation.ForwardParticipationRequest(store.Context).RunAsync(ToCommand(new ForwardParticipationRequestRequest
        {
            NetworkId = national.NetworkId,
            ParticipationRequestId = requested.Document.Id,
            ToNetworkId = international.NetworkId,
            Note = "Recommended",
        }), national.Secretariat, default);
        var answered = await new Participation.AnswerParticipationRequest(store.Context).RunAsync(
            ToCommand(new AnswerParticipationRequestRequest
        {
            NetworkId = international.NetworkId,
            ParticipationRequestId = requested.Document.Id,
            Answer = V1.ParticipationAnswer.Approved,
        }), international.Secretariat, default);

        Assert.Equal("NOT_AT_GROUP_NETWORK", early.Reason);
        Assert.Equal(ParticipationState.Approved, answered.Document.State);
        var seenByRequester = await new Participation.GetParticipationRequest(store.Context).RunAsync(
            ToQuery(new GetParticipationRequestRequest { NetworkId = national.NetworkId, ParticipationRequestId = requested.Document.Id }),
            requester, default);
        var listedAbroad = await new Participation.ListParticipationRequests(store.Context).RunAsync(
            ToQuery(new ListParticipationRequestsRequest { NetworkId = international.NetworkId }), international.Secretariat, default);
        Assert.Equal(("norsk-hph", "international-hph", "secretariat-1"),
            (seenByRequester.Document.ForwardingChain[0].FromNetworkId, seenByRequester.Document.ForwardingChain[0].ToNetworkId,
                seenByRequester.Document.ForwardingChain[0].ForwardedBy));
        Assert.Equal(requested.Document.Id, Assert.Single(listedAbroad.Items).Document.Id);
        Assert.Equal(["ParticipationRequested", "ParticipationForwarded", "ParticipationAnswered"],
            (await store.EventNamesAsync()).Where(n => n.StartsWith("Participation", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task a_person_of_a_member_network_resolves_in_the_parent_without_being_registered_twice(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var (national, international, hospital, person) = await NationalInsideInternationalAsync(store);
        var abroad = international.Secretariat;

        var found = await new Persons.GetPerson(store.Context).RunAsync(new Persons.GetPersonQuery(international.NetworkId, person), abroad,
            default);
        var organisation = await new Organisations.GetOrganisation(store.Context).RunAsync(
            new Organisations.GetOrganisationQuery(international.NetworkId, hospital), abroad, default);
        var check = await new Representatives.CheckRepresentative(store.Context).RunAsync(
            new Representatives.CheckRepresentativeQuery(international.NetworkId, person, ""), abroad, default);
        var unknown = await new Representatives.CheckRepresentative(store.Context).RunAsync(
            new Representatives.CheckRepresentativeQuery(international.NetworkId, "person-nobody", ""), abroad, default);
        var notFound = await Assert.ThrowsAsync<NotFoundException>(() => new Persons.GetPerson(store.Context).RunAsync(
            new Persons.GetPersonQuery(international.NetworkId, "person-nobody"), abroad, default));

        // Her own network's records, read from the parent: nothing copied into it.
        Assert.Equal((national.NetworkId, "Solveig Knutsen"), (found.Person.Document.NetworkId, found.Person.Document.FullName));
        Assert.Equal((national.NetworkId, "Helse Vestkyst HF"), (organisation.Document.NetworkId, organisation.Document.DisplayName));
        Assert.Equal((true, hospital), (check.ActiveRepresentative, Assert.Single(check.Appointments).Appointment.Document.OrganisationId));
        Assert.Equal((false, Representatives.CheckRepresentative.PersonNotFound), (unknown.ActiveRepresentative, unknown.Reason));
        Assert.Contains(international.NetworkId, notFound.Name, StringComparison.Ordinal);
        Assert.Null(await store.Context.Store.GetAsync(MembershipCollections.Persons, international.NetworkId, person));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task a_request_can_only_be_forwarded_to_a_parent_network_and_only_by_the_handling_network(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var (national, international, hospital, person) = await NationalInsideInternationalAsync(store);
        var unrelated = await new Scenario(store.Context, "unrelated-net").WithNetworkAsync();
        var requested = await new Participation.RequestParticipation(store.Context).RunAsync(ToCommand(JoinTaskForce(hospital, person)),
            national.Secretariat, default);

        var notParent = ErrorMapping.ToRpcException(await Assert.ThrowsAsync<RuleViolationException>(() =>
            new Participation.ForwardParticipationRequest(store.Context).RunAsync(
                ToCommand(new ForwardParticipationRequestRequest { NetworkId = national.NetworkId,
                    ParticipationRequestId = requested.Document.Id, ToNetworkId = unrelated.NetworkId }),
            national.Secretariat, default)))!;
        var invisibleElsewhere = ErrorMapping.ToRpcException(await Assert.ThrowsAsync<NotFoundException>(() =>
            new Participation.GetParticipationRequest(store.Context).RunAsync(
                ToQuery(new GetParticipationRequestRequest { NetworkId = international.NetworkId,
                    ParticipationRequestId = requested.Document.Id }),
            international.Secretariat, default)))!;

        Assert.Equal((StatusCode.FailedPrecondition, "NOT_A_PARENT_NETWORK"),
            (notParent.StatusCode, notParent.GetDetail<Google.Rpc.ErrorInfo>()!.Reason));
        Assert.Equal(StatusCode.NotFound, invisibleElsewhere.StatusCode);
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task only_an_active_representative_may_ask_to_take_part(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var (national, _, hospital, _) = await NationalInsideInternationalAsync(store);
        var notAppointed = await national.PersonAsync(hospital, "Magnus Eide");

        var error = ErrorMapping.ToRpcException(await Assert.ThrowsAsync<RuleViolationException>(() =>
            new Participation.RequestParticipation(store.Context).RunAsync(ToCommand(JoinTaskForce(hospital, notAppointed)),
                national.Secretariat, default)))!;

        Assert.Equal((StatusCode.FailedPrecondition, "NOT_A_REPRESENTATIVE"),
            (error.StatusCode, error.GetDetail<Google.Rpc.ErrorInfo>()!.Reason));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task the_directory_shows_contact_details_only_to_those_allowed_and_exports_csv_and_vcard(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var fjordvik = await scenario.ActiveMemberAsync("Fjordvik kommune");
        var aasen = await scenario.ActiveMemberAsync("Nordre Åsen kommune");
        await scenario.AppointAsync(fjordvik, await scenario.PersonAsync(fjordvik, "Ingrid Haugen", "ingrid@fjordvik.example"));
        await scenario.AppointAsync(aasen, await scenario.PersonAsync(aasen, "Marte Lie", "marte@aasen.example"));

        var asFjordvik = ToProto(await new Directory.SearchDirectory(store.Context).RunAsync(ToQuery(
            new SearchDirectoryRequest { NetworkId = scenario.NetworkId }), scenario.RepresentativeOf(fjordvik), default));
        var search = ToProto(await new Directory.SearchDirectory(store.Context).RunAsync(ToQuery(
            new SearchDirectoryRequest { NetworkId = scenario.NetworkId, Query = "marte" }), scenario.Secretariat, default));
        var csv = await new Directory.ExportDirectory(store.Context).RunAsync(
            ToQuery(new ExportDirectoryRequest { NetworkId = scenario.NetworkId, Format = ExportFormat.Csv }), scenario.Secretariat,
                default);
        var vcard = await new Directory.ExportDirectory(store.Context).RunAsync(
            ToQuery(new ExportDirectoryRequest { NetworkId = scenario.NetworkId, Format = ExportFormat.Vcard }), scenario.Secretariat,
                default);

        var contacts = asFjordvik.Entries.SelectMany(e => e.Contacts).ToDictionary(c => c.FullName);
        Assert.Equal("ingrid@fjordvik.example", contacts["Ingrid Haugen"].Email);
        Assert.Equal(("", true), (contacts["Marte Lie"].Email, contacts["Marte Lie"].PersonalDataRedacted));
        Assert.Equal("Nordre Åsen kommune", Assert.Single(search.Entries).OrganisationName);
        var csvText = Encoding.UTF8.GetString(csv.Content);
        Assert.StartsWith("organisation_id,organisation,kind,representative_id,full_name,role,email,phone\r\n", csvText,
            StringComparison.Ordinal);
        Assert.Contains(",Marte Lie,representative,marte@aasen.example,+47 911 22 333\r\n", csvText, StringComparison.Ordinal);
        var vcardText = Encoding.UTF8.GetString(vcard.Content);
        Assert.Equal(2, vcardText.Split("BEGIN:VCARD").Length - 1);
        Assert.Contains("FN:Ingrid Haugen\r\nORG:Fjordvik kommune\r\n", vcardText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            new Directory.ExportDirectory(store.Context).RunAsync(ToQuery(new ExportDirectoryRequest { NetworkId = scenario.NetworkId,
                Format = ExportFormat.Csv }),
            scenario.RepresentativeOf(fjordvik), default));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task the_demo_seed_creates_both_networks_once(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);

        await DemoNetworks.SeedAsync(store.Context, default);
        var eventsAfterFirst = (await store.EventsAsync()).Count;
        await DemoNetworks.SeedAsync(store.Context, default);

        Assert.Equal(eventsAfterFirst, (await store.EventsAsync()).Count);
        var partners = await store.Context.Store.QueryAsync(MembershipCollections.Organisations, DemoNetworks.Partnership,
            MembershipCollections.Organisations.Query(), default);
        Assert.Equal(7, partners.Items.Count);
        Assert.Contains(partners.Items, o => o.Document.Kind == Membership.Domain.OrganisationKind.Union);
        Assert.Contains(partners.Items, o => o.Document.Kind == Membership.Domain.OrganisationKind.StateAgency);
        var forwarded = await store.Context.Store.QueryAsync(MembershipCollections.ParticipationRequestLinks,
            DemoNetworks.InternationalHph, MembershipCollections.ParticipationRequestLinks.Query(), default);
        Assert.Single(forwarded.Items);
        var relations = ToProto(await new Networks.ListNetworkRelations(store.Context).RunAsync(ToQuery(
            new ListNetworkRelationsRequest { NetworkId = DemoNetworks.InternationalHph }),
                new Caller("x", DemoNetworks.InternationalHph, null, null, new HashSet<string>()), default));
        Assert.Equal(["norsk-hph", "svenskt-hph"], relations.Children.Select(c => c.ChildNetworkId).Order(StringComparer.Ordinal));
    }
}
