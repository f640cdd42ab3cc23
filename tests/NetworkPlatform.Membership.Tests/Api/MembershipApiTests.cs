using System.Text;
using Google.Rpc;
using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Tests.Api;

/// <summary>The public API end to end: statuses and details for bad input, authorisation and conflicts; the behaviour callers see.</summary>
public abstract class MembershipApiTests(MembershipServer server)
{
    private const int Timeout = 60_000;

    private readonly string networkId = "net-" + Guid.NewGuid().ToString("N")[..12];

    private static DateTime Soon => DateTime.UtcNow.AddSeconds(20);

    private NetworkService.NetworkServiceClient Networks => new(server.Channel);

    private OrganisationService.OrganisationServiceClient Organisations => new(server.Channel);

    private PersonService.PersonServiceClient Persons => new(server.Channel);

    private RepresentativeService.RepresentativeServiceClient Representatives => new(server.Channel);

    private DirectoryService.DirectoryServiceClient Directory => new(server.Channel);

    private Metadata As(string subject, string[] roles, string? organisationId = null, string? personId = null, string? network = null) =>
        new Metadata { { "authorization", "Bearer " + server.Tokens.Issue(subject, network ?? networkId, roles, organisationId, personId) } };

    private Metadata Secretariat => As("secretariat-1", [Roles.Secretariat]);

    private Metadata RepresentativeOf(string organisationId, string? personId = null) => As("rep-" + organisationId, [Roles.Representative], organisationId, personId);

    private async Task CreateNetworkAsync() =>
        await Networks.CreateNetworkAsync(new CreateNetworkRequest
        {
            Network = new Network { Id = networkId, DisplayName = "Partnerskap mot mobbing", Kind = NetworkKind.Partnership, Country = "NO", TimeZone = "Europe/Oslo", Languages = { "nb" } },
        }, As("operator-1", [Roles.Operator]), Soon);

    private async Task<Organisation> ActiveMemberAsync(string name = "Fjordvik kommune")
    {
        var organisation = await Organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            NetworkId = networkId,
            Organisation = new Organisation { DisplayName = name, OrganisationNumber = "952601814", Kind = OrganisationKind.Municipality },
        }, Secretariat, Soon);
        await Organisations.ApplyForMembershipAsync(new ApplyForMembershipRequest { NetworkId = networkId, OrganisationId = organisation.Id }, Secretariat, Soon);
        return await Organisations.ApproveMembershipAsync(new ApproveMembershipRequest { NetworkId = networkId, OrganisationId = organisation.Id, Reason = "Partner meeting" }, Secretariat, Soon);
    }

    private async Task<Person> PersonAsync(string organisationId, string name = "Ingrid Haugen") =>
        await Persons.CreatePersonAsync(new CreatePersonRequest
        {
            NetworkId = networkId,
            Person = new Person { FullName = name, Email = "ingrid@fjordvik.example", Phone = "+47 911 22 333", EmployerOrganisationId = organisationId },
        }, Secretariat, Soon);

    private AppointRepresentativeRequest Appointment(string organisationId, string personId, int hours = 8) => new()
    {
        NetworkId = networkId,
        Representative = new Representative
        {
            OrganisationId = organisationId,
            PersonId = personId,
            Role = RepresentativeRole.Representative,
            HoursPerMonth = hours,
            ApprovingManager = new ApprovingManager { FullName = "Per Solberg", Title = "Kommunalsjef" },
        },
    };

    private static string Reason(RpcException error) => error.GetDetail<ErrorInfo>()!.Reason;

    [Fact(Timeout = Timeout)]
    public async Task an_organisation_with_an_empty_name_a_bad_number_and_an_invalid_email_gets_every_field_violation()
    {
        await CreateNetworkAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await Organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            NetworkId = networkId,
            Organisation = new Organisation { DisplayName = " ", OrganisationNumber = "123456789", Kind = (OrganisationKind)42, Contact = new ContactDetails { Email = "post-at-example" } },
        }, Secretariat, Soon));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["organisation.display_name", "organisation.kind", "organisation.organisation_number", "organisation.contact.email"], fields);
        Assert.Contains("organisation.display_name", error.Status.Detail, StringComparison.Ordinal);
        var kind = error.GetDetail<BadRequest>()!.FieldViolations[1].Description;
        Assert.StartsWith("42 is not a valid value; use one of ORGANISATION_KIND_MUNICIPALITY, ORGANISATION_KIND_HOSPITAL", kind, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task a_person_with_an_invalid_email_and_appointing_with_hours_out_of_range_are_invalid_arguments()
    {
        await CreateNetworkAsync();
        var member = await ActiveMemberAsync();
        var person = await PersonAsync(member.Id);

        var badEmail = await Assert.ThrowsAsync<RpcException>(async () => await Persons.CreatePersonAsync(new CreatePersonRequest
        {
            NetworkId = networkId,
            Person = new Person { FullName = "Jonas Berg", Email = "jonas@", EmployerOrganisationId = member.Id },
        }, Secretariat, Soon));
        var badHours = await Assert.ThrowsAsync<RpcException>(async () => await Representatives.AppointRepresentativeAsync(Appointment(member.Id, person.Id, hours: 500), Secretariat, Soon));

        Assert.Equal("person.email", Assert.Single(badEmail.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.Equal(StatusCode.InvalidArgument, badHours.StatusCode);
        Assert.Contains("1-160 hours per month", Assert.Single(badHours.GetDetail<BadRequest>()!.FieldViolations).Description, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task a_read_mask_returns_only_the_named_fields_and_an_unknown_field_is_a_violation_after_authorization()
    {
        await CreateNetworkAsync();
        var member = await ActiveMemberAsync();
        ListOrganisationsRequest Masked(params string[] paths) =>
            new() { NetworkId = networkId, ReadMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { paths } } };

        var names = await Organisations.ListOrganisationsAsync(Masked("id", "displayName"), Secretariat, Soon); // JSON's names too
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await Organisations.ListOrganisationsAsync(Masked("id", "nickname"), Secretariat, Soon));
        var stranger = await Assert.ThrowsAsync<RpcException>(async () =>
            await Organisations.ListOrganisationsAsync(Masked("nickname"), As("x", [Roles.Secretariat], network: "another-network"), Soon));

        Assert.Equal(new Organisation { Id = member.Id, DisplayName = "Fjordvik kommune" }, Assert.Single(names.Organisations));
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        var violation = Assert.Single(unknown.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("read_mask", violation.Field);
        Assert.Contains("'nickname'", violation.Description, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, stranger.StatusCode);
    }

    [Fact(Timeout = Timeout)]
    public async Task an_unknown_organisation_is_not_found_with_its_resource_name()
    {
        await CreateNetworkAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Organisations.GetOrganisationAsync(new GetOrganisationRequest { NetworkId = networkId, OrganisationId = "org-missing" }, Secretariat, Soon));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal($"networks/{networkId}/organisations/org-missing", error.GetDetail<ResourceInfo>()!.ResourceName);
    }

    [Fact(Timeout = Timeout)]
    public async Task requests_of_a_network_that_was_never_created_are_not_found_and_store_nothing()
    {
        var create = await Assert.ThrowsAsync<RpcException>(async () => await Persons.CreatePersonAsync(new CreatePersonRequest
        {
            NetworkId = networkId,
            Person = new Person { FullName = "Jonas Berg", Email = "jonas@example.org", EmployerOrganisationId = "org-fjordvik" },
        }, Secretariat, Soon));
        var list = await Assert.ThrowsAsync<RpcException>(async () =>
            await Persons.ListPersonsAsync(new ListPersonsRequest { NetworkId = networkId }, Secretariat, Soon));
        await CreateNetworkAsync();
        var listedOnceCreated = await Persons.ListPersonsAsync(new ListPersonsRequest { NetworkId = networkId }, Secretariat, Soon);

        Assert.Equal((StatusCode.NotFound, $"networks/{networkId}"), (create.StatusCode, create.GetDetail<ResourceInfo>()!.ResourceName));
        Assert.Equal(StatusCode.NotFound, list.StatusCode);
        Assert.Empty(listedOnceCreated.Persons);
    }

    [Fact(Timeout = Timeout)]
    public async Task calls_without_a_token_or_with_a_malformed_one_are_unauthenticated()
    {
        var request = new GetNetworkRequest { NetworkId = networkId };

        var missing = await Assert.ThrowsAsync<RpcException>(async () => await Networks.GetNetworkAsync(request, deadline: Soon));
        var malformed = await Assert.ThrowsAsync<RpcException>(async () => await Networks.GetNetworkAsync(request, new Metadata { { "authorization", "Bearer not.a.jwt" } }, Soon));

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, malformed.StatusCode);
        Assert.Contains("well-formed", malformed.Status.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task a_token_of_another_network_is_denied_and_only_the_secretariat_approves_memberships()
    {
        await CreateNetworkAsync();
        var organisation = await Organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            NetworkId = networkId,
            Organisation = new Organisation { DisplayName = "Trygg Skolevei", OrganisationNumber = "966131861", Kind = OrganisationKind.Ngo },
        }, Secretariat, Soon);
        await Organisations.ApplyForMembershipAsync(new ApplyForMembershipRequest { NetworkId = networkId, OrganisationId = organisation.Id }, RepresentativeOf(organisation.Id), Soon);

        var otherTenant = await Assert.ThrowsAsync<RpcException>(async () => await Organisations.GetOrganisationAsync(
            new GetOrganisationRequest { NetworkId = networkId, OrganisationId = organisation.Id }, As("s", [Roles.Secretariat], network: "another-network"), Soon));
        var selfApproval = await Assert.ThrowsAsync<RpcException>(async () => await Organisations.ApproveMembershipAsync(
            new ApproveMembershipRequest { NetworkId = networkId, OrganisationId = organisation.Id }, RepresentativeOf(organisation.Id), Soon));

        Assert.Equal((StatusCode.PermissionDenied, "TENANT_MISMATCH"), (otherTenant.StatusCode, Reason(otherTenant)));
        Assert.Equal((StatusCode.PermissionDenied, "ROLE_REQUIRED"), (selfApproval.StatusCode, Reason(selfApproval)));
    }

    [Fact(Timeout = Timeout)]
    public async Task a_stale_etag_is_aborted_with_the_current_etag_in_the_details()
    {
        await CreateNetworkAsync();
        var member = await ActiveMemberAsync();
        var stale = member.Etag;
        await Organisations.SuspendMembershipAsync(new SuspendMembershipRequest { NetworkId = networkId, OrganisationId = member.Id, Reason = "No activity", Etag = stale }, Secretariat, Soon);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await Organisations.ReinstateMembershipAsync(
            new ReinstateMembershipRequest { NetworkId = networkId, OrganisationId = member.Id, Etag = stale }, Secretariat, Soon));

        Assert.Equal((StatusCode.Aborted, "ETAG_MISMATCH"), (error.StatusCode, Reason(error)));
        var current = await Organisations.GetOrganisationAsync(new GetOrganisationRequest { NetworkId = networkId, OrganisationId = member.Id }, Secretariat, Soon);
        Assert.Equal(current.Etag, error.GetDetail<ErrorInfo>()!.Metadata["current_etag"]);
    }

    [Fact(Timeout = Timeout)]
    public async Task approving_an_active_membership_fails_the_precondition_with_a_stable_reason()
    {
        await CreateNetworkAsync();
        var member = await ActiveMemberAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await Organisations.ApproveMembershipAsync(
            new ApproveMembershipRequest { NetworkId = networkId, OrganisationId = member.Id }, Secretariat, Soon));

        Assert.Equal((StatusCode.FailedPrecondition, "MEMBERSHIP_ALREADY_ACTIVE"), (error.StatusCode, Reason(error)));
        Assert.Equal($"networks/{networkId}/organisations/{member.Id}", Assert.Single(error.GetDetail<PreconditionFailure>()!.Violations).Subject);
    }

    [Fact(Timeout = Timeout)]
    public async Task appointing_the_same_person_twice_already_exists_and_a_resigned_member_cannot_appoint()
    {
        await CreateNetworkAsync();
        var member = await ActiveMemberAsync();
        var person = await PersonAsync(member.Id);
        var appointed = await Representatives.AppointRepresentativeAsync(Appointment(member.Id, person.Id), RepresentativeOf(member.Id), Soon);

        var twice = await Assert.ThrowsAsync<RpcException>(async () => await Representatives.AppointRepresentativeAsync(Appointment(member.Id, person.Id), RepresentativeOf(member.Id), Soon));
        await Organisations.ResignMembershipAsync(new ResignMembershipRequest { NetworkId = networkId, OrganisationId = member.Id, Reason = "Leaving" }, Secretariat, Soon);
        var afterResign = await Assert.ThrowsAsync<RpcException>(async () => await Representatives.AppointRepresentativeAsync(Appointment(member.Id, person.Id), Secretariat, Soon));
        var ended = await Representatives.GetRepresentativeAsync(new GetRepresentativeRequest { NetworkId = networkId, RepresentativeId = appointed.Id }, Secretariat, Soon);

        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Equal((StatusCode.FailedPrecondition, "MEMBERSHIP_NOT_ACTIVE"), (afterResign.StatusCode, Reason(afterResign)));
        Assert.Equal((false, AppointmentEndReason.MembershipEnded), (ended.Active, ended.EndReason));
    }

    [Fact(Timeout = Timeout)]
    public async Task personal_data_is_withheld_from_other_organisations_but_shown_to_the_persons_own()
    {
        await CreateNetworkAsync();
        var fjordvik = await ActiveMemberAsync("Fjordvik kommune");
        var aasen = await ActiveMemberAsync("Nordre Åsen kommune");
        var person = await PersonAsync(fjordvik.Id);
        var get = new GetPersonRequest { NetworkId = networkId, PersonId = person.Id };

        var seenByOther = await Persons.GetPersonAsync(get, RepresentativeOf(aasen.Id), Soon);
        var seenByOwn = await Persons.GetPersonAsync(get, RepresentativeOf(fjordvik.Id), Soon);

        Assert.Equal(("Ingrid Haugen", fjordvik.Id, "", "", true), (seenByOther.FullName, seenByOther.EmployerOrganisationId, seenByOther.Email, seenByOther.Phone, seenByOther.PersonalDataRedacted));
        Assert.Equal(("ingrid@fjordvik.example", false), (seenByOwn.Email, seenByOwn.PersonalDataRedacted));
    }

    [Fact(Timeout = Timeout)]
    public async Task the_directory_export_streams_a_csv_the_secretariat_can_reassemble()
    {
        await CreateNetworkAsync();
        var member = await ActiveMemberAsync();
        var person = await PersonAsync(member.Id);
        await Representatives.AppointRepresentativeAsync(Appointment(member.Id, person.Id), Secretariat, Soon);

        using var call = Directory.ExportDirectory(new ExportDirectoryRequest { NetworkId = networkId, Format = ExportFormat.Csv }, Secretariat, Soon);
        var chunks = new List<ExportDirectoryChunk>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            chunks.Add(chunk);
        }

        Assert.Equal(("text/csv; charset=utf-8", $"{networkId}-directory.csv"), (chunks[0].ContentType, chunks[0].FileName));
        var csv = Encoding.UTF8.GetString(chunks.SelectMany(c => c.Data.ToByteArray()).ToArray());
        Assert.Contains("Fjordvik kommune,municipality,", csv, StringComparison.Ordinal);
        Assert.Contains("Ingrid Haugen,representative,ingrid@fjordvik.example", csv, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task check_representative_confirms_an_active_representative_for_the_groups_service()
    {
        await CreateNetworkAsync();
        var member = await ActiveMemberAsync();
        var person = await PersonAsync(member.Id);
        await Representatives.AppointRepresentativeAsync(Appointment(member.Id, person.Id), Secretariat, Soon);

        var check = await Representatives.CheckRepresentativeAsync(new CheckRepresentativeRequest { NetworkId = networkId, PersonId = person.Id },
            As("groups-service", [Roles.GroupLeader]), Soon);

        Assert.True(check.ActiveRepresentative);
        Assert.Equal((member.Id, "Ingrid Haugen", 8), (check.Appointments[0].OrganisationId, check.Appointments[0].PersonFullName, check.Appointments[0].HoursPerMonth));
    }
}

public sealed class MembershipApiOnSqliteTests(SqliteMembershipServer server) : MembershipApiTests(server), IClassFixture<SqliteMembershipServer>;

public sealed class MembershipApiOnPostgresTests(PostgresMembershipServer server) : MembershipApiTests(server), IClassFixture<PostgresMembershipServer>;
