using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.Tests.Features;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Privacy.V1;

namespace NetworkPlatform.Membership.Tests.Api;

/// <summary>
/// Issue 24: the secretariat erases a person (bad input, other roles, a second erasure); reads of contact details by the
/// secretariat are recorded and exported.
/// </summary>
public sealed class PersonalDataApiTests(SqliteMembershipServer server) : IClassFixture<SqliteMembershipServer>
{
    private static DateTime Soon => DateTime.UtcNow.AddSeconds(20);

    [Fact(Timeout = 60_000)]
    public async Task the_secretariat_erases_a_person_once_and_a_second_erasure_answers_the_first()
    {
        var (scenario, fjordvik, ingrid) = await PersonAsync();
        var persons = new PersonService.PersonServiceClient(server.Channel);
        var secretariat = As(scenario, "sec-1", Roles.Secretariat);
        var request = new ErasePersonRequest { NetworkId = scenario.NetworkId, PersonId = ingrid, Reason = "Left the network" };

        var first = await persons.ErasePersonAsync(request, secretariat, Soon);
        var again = await persons.ErasePersonAsync(new ErasePersonRequest(request) { Reason = "Another reason" }, secretariat, Soon);
        var person = await persons.GetPersonAsync(new GetPersonRequest { NetworkId = scenario.NetworkId, PersonId = ingrid }, secretariat);

        Assert.Equal(("sec-1", "Left the network"), (first.ErasedBy, first.Reason));
        Assert.Equal(first, again);
        Assert.Equal(("former participant", "", "", fjordvik),
            (person.FullName, person.Email, person.Phone, person.EmployerOrganisationId));
        Assert.Empty(person.ExpertiseAreas);
    }

    [Fact(Timeout = 60_000)]
    public async Task unknown_persons_other_roles_and_a_missing_reason_get_their_status()
    {
        var (scenario, fjordvik, ingrid) = await PersonAsync();
        var persons = new PersonService.PersonServiceClient(server.Channel);
        var secretariat = As(scenario, "sec-1", Roles.Secretariat);
        async Task<RpcException> FailsAsync(ErasePersonRequest request, Metadata caller) =>
            await Assert.ThrowsAsync<RpcException>(async () => await persons.ErasePersonAsync(request, caller, Soon));

        var unknown = await FailsAsync(new() { NetworkId = scenario.NetworkId, PersonId = "per-nobody", Reason = "x" }, secretariat);
        // Authorization before validation: a representative without a reason hears it may not, not what is missing.
        var denied = await FailsAsync(new() { NetworkId = scenario.NetworkId, PersonId = ingrid },
            As(scenario, "rep-1", Roles.Representative, fjordvik));
        var noReason = await FailsAsync(new() { NetworkId = scenario.NetworkId, PersonId = ingrid, Reason = " " }, secretariat);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal("reason", Assert.Single(noReason.GetDetail<BadRequest>()!.FieldViolations).Field);
        var person = await persons.GetPersonAsync(new GetPersonRequest { NetworkId = scenario.NetworkId, PersonId = ingrid }, secretariat);
        Assert.Equal("Ingrid Haugen", person.FullName);
    }

    [Fact(Timeout = 60_000)]
    public async Task the_secretariats_reads_of_a_persons_contact_details_are_in_their_export_one_record_per_call()
    {
        var (scenario, fjordvik, ingrid) = await PersonAsync();
        var aasen = await scenario.ActiveMemberAsync("Aasen skole");
        await scenario.PersonAsync(fjordvik, "Per Berg", "per@fjordvik.example");
        var persons = new PersonService.PersonServiceClient(server.Channel);
        var secretariat = As(scenario, "sec-1", Roles.Secretariat);
        var otherOrganisation = As(scenario, "rep-aasen", Roles.Representative, aasen);

        await persons.GetPersonAsync(new GetPersonRequest { NetworkId = scenario.NetworkId, PersonId = ingrid }, secretariat);
        await persons.ListPersonsAsync(new ListPersonsRequest { NetworkId = scenario.NetworkId }, secretariat);
        // Redacted for another organisation's representative: nothing shown, nothing recorded.
        var redacted = await persons.GetPersonAsync(new GetPersonRequest { NetworkId = scenario.NetworkId, PersonId = ingrid },
            otherOrganisation);
        var export = await persons.ExportPersonalDataAsync(
            new ExportPersonalDataRequest { NetworkId = scenario.NetworkId, PersonId = ingrid }, secretariat);

        Assert.True(redacted.PersonalDataRedacted);
        var reads = export.Records.Where(r => r.Kind == "contact_details_read").ToList();
        Assert.Equal(["GetPerson", "ListPersons"], reads.Select(r => r.Data.Fields["via"].StringValue).Order());
        Assert.All(reads, r => Assert.Equal("sec-1", r.Data.Fields["readBy"].StringValue));
    }

    private async Task<(Scenario Scenario, string Organisation, string Person)> PersonAsync()
    {
        var scenario = await new Scenario(server.Services.GetRequiredService<MembershipContext>(),
            "net-" + Guid.NewGuid().ToString("N")[..12]).WithNetworkAsync();
        var fjordvik = await scenario.ActiveMemberAsync("Fjordvik kommune");
        return (scenario, fjordvik, await scenario.PersonAsync(fjordvik, "Ingrid Haugen", "ingrid@fjordvik.example"));
    }

    private Metadata As(Scenario scenario, string subject, string role, string? organisationId = null) =>
        new() { { "authorization", "Bearer " + server.Tokens.Issue(subject, scenario.NetworkId, [role], organisationId, null) } };
}
