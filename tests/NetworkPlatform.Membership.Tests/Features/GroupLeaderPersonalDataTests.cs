using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Consumers;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;
using Directory = NetworkPlatform.Membership.Features.Directory;
using Persons = NetworkPlatform.Membership.Features.Persons;
using static NetworkPlatform.Membership.Api.DirectoryMapping;
using static NetworkPlatform.Membership.Api.PersonMapping;

namespace NetworkPlatform.Membership.Tests.Features;

/// <summary>
/// Group leaders see the personal data of their groups' members, by the membership service's copy of the groups
/// service's participation events (delivered the way the inbox consumer does it), on both adapters.
/// </summary>
public class GroupLeaderPersonalDataTests
{
    private const string Group = "wg-folkehelse";
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private sealed record People(Scenario Scenario, string Leader, string Member, string Outsider, Caller AsLeader);

    /// <summary>Ingrid (Fjordvik) leads the group, Marte (Åsen) is in it, Ola (Kystby) is not; all three are representatives.</summary>
    private static async Task<People> GroupWithLeaderAsync(MembershipStore store, GroupParticipationHandler handler)
    {
        var scenario = await new Scenario(store.Context).WithNetworkAsync();
        var fjordvik = await scenario.ActiveMemberAsync("Fjordvik kommune");
        var aasen = await scenario.ActiveMemberAsync("Nordre Åsen kommune");
        var kystby = await scenario.ActiveMemberAsync("Kystby kommune");
        var leader = await scenario.PersonAsync(fjordvik, "Ingrid Haugen", "ingrid@fjordvik.example");
        var member = await scenario.PersonAsync(aasen, "Marte Lie", "marte@aasen.example");
        var outsider = await scenario.PersonAsync(kystby, "Ola Nordmann", "ola@kystby.example");
        await scenario.AppointAsync(fjordvik, leader);
        await scenario.AppointAsync(aasen, member);
        await scenario.AppointAsync(kystby, outsider);

        await DeliverAsync(store, handler, Joined(scenario, leader, fjordvik));
        await DeliverAsync(store, handler, Assigned(scenario, leader, fjordvik, "Leader"));
        await DeliverAsync(store, handler, Joined(scenario, member, aasen));
        await DeliverAsync(store, handler, Joined(scenario, outsider, kystby) with { GroupId = "wg-other", AggregateId = "wg-other" });
        var asLeader = new Caller("ingrid", scenario.NetworkId, fjordvik, leader,
            new HashSet<string> { Roles.GroupLeader, Roles.Representative });
        return new People(scenario, leader, member, outsider, asLeader);
    }

    /// <summary>As the inbox consumer: mark the message handled, handle, commit; false when it was handled before.</summary>
    private static async Task<bool> DeliverAsync<TEvent>(MembershipStore store, IEventHandler<TEvent> handler, TEvent domainEvent)
        where TEvent : class, IDomainEvent
    {
        await using var unitOfWork = await store.Context.Store.BeginAsync();
        if (!await unitOfWork.TryMarkHandledAsync("membership.group-participation-handler", domainEvent.EventId))
        {
            return false;
        }
        await handler.HandleAsync(domainEvent, unitOfWork, default);
        await unitOfWork.CommitAsync();
        return true;
    }

    private static ParticipantJoined Joined(Scenario scenario, string personId, string organisationId) =>
        new(Guid.NewGuid(), At, scenario.NetworkId, Group, 2, Group, personId, organisationId, true);

    private static RoleAssigned Assigned(Scenario scenario, string personId, string organisationId, string role) =>
        new(Guid.NewGuid(), At, scenario.NetworkId, Group, 2, Group, personId, organisationId, role, true);

    private static async Task<(string Email, string Phone, bool Redacted)> SeenAsync(MembershipStore store, Caller caller, string personId)
    {
        var found = await new Persons.GetPerson(store.Context).RunAsync(new Persons.GetPersonQuery(caller.NetworkId, personId), caller,
            default);
        var person = ToProto(found.Person, found.Viewer);
        return (person.Email, person.Phone, person.PersonalDataRedacted);
    }

    private static async Task<Dictionary<string, Person>> ListedAsync(MembershipStore store, Caller caller)
    {
        var found = await new Persons.ListPersons(store.Context).RunAsync(new Persons.ListPersonsQuery(caller.NetworkId, "", 0, ""), caller,
            default);
        return found.Page.Items.Select(p => ToProto(p, found.Viewer)).ToDictionary(p => p.Id);
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task a_group_leader_sees_the_personal_data_of_their_groups_members_and_not_of_others(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var people = await GroupWithLeaderAsync(store, new GroupParticipationHandler(store.Context));

        Assert.Equal(("marte@aasen.example", "+47 911 22 333", false), await SeenAsync(store, people.AsLeader, people.Member));
        Assert.Equal(("", "", true), await SeenAsync(store, people.AsLeader, people.Outsider));
        var listed = await ListedAsync(store, people.AsLeader);
        Assert.Equal(("marte@aasen.example", false), (listed[people.Member].Email, listed[people.Member].PersonalDataRedacted));
        Assert.Equal(("", true), (listed[people.Outsider].Email, listed[people.Outsider].PersonalDataRedacted));
        Assert.Equal("Ola Nordmann", listed[people.Outsider].FullName);
        var directory = ToProto(await new Directory.SearchDirectory(store.Context).RunAsync(ToQuery(
            new SearchDirectoryRequest { NetworkId = people.Scenario.NetworkId }), people.AsLeader, default));
        var contacts = directory.Entries.SelectMany(e => e.Contacts).ToDictionary(c => c.PersonId);
        Assert.Equal(("marte@aasen.example", false), (contacts[people.Member].Email, contacts[people.Member].PersonalDataRedacted));
        Assert.Equal(("", true), (contacts[people.Outsider].Email, contacts[people.Outsider].PersonalDataRedacted));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task the_same_person_without_the_group_leader_role_in_the_token_sees_name_and_organisation_only(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var people = await GroupWithLeaderAsync(store, new GroupParticipationHandler(store.Context));

        var asRepresentative = people.AsLeader with { Roles = new HashSet<string> { Roles.Representative } };

        Assert.Equal(("", "", true), await SeenAsync(store, asRepresentative, people.Member));
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task after_the_member_leaves_the_group_the_leader_sees_name_and_organisation_only(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var handler = new GroupParticipationHandler(store.Context);
        var people = await GroupWithLeaderAsync(store, handler);

        await DeliverAsync(store, handler,
            new ParticipantLeft(Guid.NewGuid(), At, people.Scenario.NetworkId, Group, 3, Group, people.Member, "org", "Left"));

        Assert.Equal(("", "", true), await SeenAsync(store, people.AsLeader, people.Member));
        Assert.Equal("Marte Lie", (await ListedAsync(store, people.AsLeader))[people.Member].FullName);
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task after_the_leader_role_is_vacated_the_former_leader_sees_name_and_organisation_only(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var handler = new GroupParticipationHandler(store.Context);
        var people = await GroupWithLeaderAsync(store, handler);

        await DeliverAsync(store, handler,
            new RoleVacated(Guid.NewGuid(), At, people.Scenario.NetworkId, Group, 3, Group, people.Leader, "Leader", "Replaced"));

        Assert.Equal(("", "", true), await SeenAsync(store, people.AsLeader, people.Member));
        Assert.Equal("ingrid@fjordvik.example", (await ListedAsync(store, people.AsLeader))[people.Leader].Email); // their own, still
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task a_dissolved_group_has_no_members_to_show_its_leader_but_a_concluding_one_still_has(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var handler = new GroupParticipationHandler(store.Context);
        var people = await GroupWithLeaderAsync(store, handler);
        var network = people.Scenario.NetworkId;

        await DeliverAsync(store, handler,
            new GroupConcluded(Guid.NewGuid(), At, network, Group, 3, Group, "Concluding", "secretariat", "PM 3/2026"));
        var whileConcluding = await SeenAsync(store, people.AsLeader, people.Member);
        await DeliverAsync(store, handler,
            new GroupDissolved(Guid.NewGuid(), At, network, Group, 4, Group, "Mandate ended", "secretariat", "PM 4/2026"));

        Assert.False(whileConcluding.Redacted);
        Assert.Equal(("", "", true), await SeenAsync(store, people.AsLeader, people.Member));
        Assert.Empty((await store.Context.Store.QueryAsync(MembershipCollections.GroupParticipations, network,
            MembershipCollections.GroupParticipations.Query().Where(p => p.GroupId, Group))).Items);
    }

    [Theory]
    [MemberData(nameof(MembershipStore.Providers), MemberType = typeof(MembershipStore))]
    public async Task replayed_participation_events_change_nothing(string provider)
    {
        await using var store = await MembershipStore.CreateAsync(provider);
        var handler = new GroupParticipationHandler(store.Context);
        var people = await GroupWithLeaderAsync(store, handler);
        var network = people.Scenario.NetworkId;
        var left = new ParticipantLeft(Guid.NewGuid(), At, network, Group, 3, Group, people.Member, "org", "Left");
        var assignedAgain = Assigned(people.Scenario, people.Leader, "org", "Leader");
        await DeliverAsync(store, handler, left);
        await DeliverAsync(store, handler, assignedAgain);
        var before = await SnapshotAsync(store, network);

        // The inbox drops the redeliveries; the same changes arriving under new message ids change nothing either.
        Assert.False(await DeliverAsync(store, handler, left));
        Assert.False(await DeliverAsync(store, handler, assignedAgain));
        Assert.True(await DeliverAsync(store, handler, left with { EventId = Guid.NewGuid() }));
        Assert.True(await DeliverAsync(store, handler, assignedAgain with { EventId = Guid.NewGuid() }));
        Assert.True(await DeliverAsync(store, handler, Joined(people.Scenario, people.Leader, "org")));

        Assert.Equal(before, await SnapshotAsync(store, network));
        Assert.Equal(["Leader"], (await store.Context.Store.GetAsync(MembershipCollections.GroupParticipations, network,
            MembershipCollections.GroupParticipationId(Group, people.Leader)))!.Document.Roles);
        Assert.Equal(("", "", true), await SeenAsync(store, people.AsLeader, people.Member));
    }

    private static async Task<string> SnapshotAsync(MembershipStore store, string network) =>
        string.Join("; ", (await store.Context.Store.QueryAsync(MembershipCollections.GroupParticipations, network,
            MembershipCollections.GroupParticipations.Query().Page(100))).Items
            .Select(i => $"{i.Document.GroupId}/{i.Document.PersonId}@{i.Version}:{string.Join(",", i.Document.Roles)}"));
}
