using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Events.Groups;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.Tests.Features;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Tests.Api;

/// <summary>The groups service's participation events arrive on the bus; a group leader's token then shows their members' contact details.</summary>
public sealed class GroupLeaderApiTests(SqliteMembershipServer server) : IClassFixture<SqliteMembershipServer>
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 90_000)]
    public async Task a_leader_sees_a_members_email_once_the_groups_events_arrived_and_not_after_the_member_left()
    {
        var scenario = await new Scenario(server.Services.GetRequiredService<MembershipContext>(), "net-" + Guid.NewGuid().ToString("N")[..12]).WithNetworkAsync();
        var fjordvik = await scenario.ActiveMemberAsync("Fjordvik kommune");
        var aasen = await scenario.ActiveMemberAsync("Nordre Åsen kommune");
        var leader = await scenario.PersonAsync(fjordvik, "Ingrid Haugen", "ingrid@fjordvik.example");
        var member = await scenario.PersonAsync(aasen, "Marte Lie", "marte@aasen.example");
        var persons = new PersonService.PersonServiceClient(server.Channel);
        var asLeader = new Metadata { { "authorization", "Bearer " + server.Tokens.Issue("ingrid", scenario.NetworkId, [Roles.GroupLeader], fjordvik, leader) } };
        async Task<Person> MemberAsSeenByLeaderAsync() =>
            await persons.GetPersonAsync(new GetPersonRequest { NetworkId = scenario.NetworkId, PersonId = member }, asLeader);
        var before = await MemberAsSeenByLeaderAsync();

        await server.PublishAsync(new ParticipantJoined(Guid.NewGuid(), At, scenario.NetworkId, "wg-1", 1, "wg-1", leader, fjordvik, true));
        await server.PublishAsync(new RoleAssigned(Guid.NewGuid(), At, scenario.NetworkId, "wg-1", 1, "wg-1", leader, fjordvik, "Leader", true));
        await server.PublishAsync(new ParticipantJoined(Guid.NewGuid(), At, scenario.NetworkId, "wg-1", 2, "wg-1", member, aasen, true));
        var whileInGroup = await EventuallyAsync(MemberAsSeenByLeaderAsync, p => !p.PersonalDataRedacted);
        await server.PublishAsync(new ParticipantLeft(Guid.NewGuid(), At, scenario.NetworkId, "wg-1", 3, "wg-1", member, aasen, "Left"));
        var afterLeaving = await EventuallyAsync(MemberAsSeenByLeaderAsync, p => p.PersonalDataRedacted);

        Assert.Equal(("", true), (before.Email, before.PersonalDataRedacted));
        Assert.Equal(("marte@aasen.example", "+47 911 22 333"), (whileInGroup.Email, whileInGroup.Phone));
        Assert.Equal(("Marte Lie", aasen, ""), (afterLeaving.FullName, afterLeaving.EmployerOrganisationId, afterLeaving.Email));
    }

    private static async Task<Person> EventuallyAsync(Func<Task<Person>> read, Func<Person, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var person = await read();
            if (done(person) || DateTime.UtcNow > deadline)
            {
                return person;
            }
            await Task.Delay(50);
        }
    }
}
