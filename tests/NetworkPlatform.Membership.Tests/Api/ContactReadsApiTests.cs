using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Application;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.Tests.Features;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Privacy.V1;

namespace NetworkPlatform.Membership.Tests.Api;

/// <summary>Issue 24 item 4: reads of other people's contact details by the secretariat are recorded and exported.</summary>
public sealed class ContactReadsApiTests(SqliteMembershipServer server) : IClassFixture<SqliteMembershipServer>
{
    [Fact(Timeout = 60_000)]
    public async Task the_secretariats_reads_of_a_persons_contact_details_are_in_their_export_one_record_per_call()
    {
        var scenario = await new Scenario(server.Services.GetRequiredService<MembershipContext>(),
            "net-" + Guid.NewGuid().ToString("N")[..12]).WithNetworkAsync();
        var fjordvik = await scenario.ActiveMemberAsync("Fjordvik kommune");
        var aasen = await scenario.ActiveMemberAsync("Aasen skole");
        var ingrid = await scenario.PersonAsync(fjordvik, "Ingrid Haugen", "ingrid@fjordvik.example");
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

    private Metadata As(Scenario scenario, string subject, string role, string? organisationId = null) =>
        new() { { "authorization", "Bearer " + server.Tokens.Issue(subject, scenario.NetworkId, [role], organisationId, null) } };
}
