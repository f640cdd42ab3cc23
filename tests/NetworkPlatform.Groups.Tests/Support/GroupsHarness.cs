using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Features.Lifecycle;
using NetworkPlatform.Groups.Features.Mandates;
using NetworkPlatform.Groups.Features.RoleAssignments;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Storage;
using GroupDocument = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Tests.Support;

/// <summary>The groups use cases on one real database, with a test clock and known membership answers.</summary>
internal sealed class GroupsHarness(IDocumentStore store, IOutbox outbox)
{
    public const string PartnerMeeting = "partnermotet";

    public IDocumentStore Store { get; } = store;

    public IOutbox Outbox { get; } = outbox;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));

    public KnownMembership Membership { get; } = new();

    public GroupsContext Context => new(Store, Membership, Clock);

    /// <summary>The partner meeting, which approves mandates.</summary>
    public async Task<string> RegisterPartnerMeetingAsync()
    {
        await new CreateGroup(Store, Clock).HandleAsync(new CreateGroupRequest
        {
            NetworkId = Callers.Network,
            GroupId = PartnerMeeting,
            Group = new Group { DisplayName = "Partnermøtet", Kind = GroupKind.PartnerMeeting, Scope = GroupScope.National },
        }, Callers.Secretariat(), default);
        return PartnerMeeting;
    }

    public async Task<Versioned<GroupDocument>> ProposeWorkingGroupAsync(string groupId, JoinPolicy policy = JoinPolicy.Open) =>
        await new ProposeGroup(Store, Clock).HandleAsync(new ProposeGroupRequest
        {
            NetworkId = Callers.Network,
            GroupId = groupId,
            Group = new Group
            {
                DisplayName = $"Arbeidsgruppe {groupId}",
                Kind = GroupKind.WorkingGroup,
                Scope = GroupScope.National,
                JoinPolicy = policy,
                StartDate = "2026-01-01",
                EndDate = "2026-12-31",
            },
            Reason = "Behov for felles innsats",
        }, Callers.Representative("per-proposer"), default);

    public static Mandate Mandate() => new()
    {
        Purpose = "Redusere digital mobbing",
        Scope = "Nasjonalt",
        Tasks = { "Utvikle veileder for skoler" },
        Deliverables = { "Veileder" },
        ReportingDuties = { "Rapport til partnermøtet i desember" },
        StartDate = "2026-01-01",
        EndDate = "2026-12-31",
        ApprovedByGroupId = PartnerMeeting,
        DecisionReference = "Partnermøtet 12.03.2026 sak 14/26",
    };

    public async Task<Versioned<GroupDocument>> ApproveMandateAsync(string groupId) =>
        await new ApproveMandate(Store, Clock).HandleAsync(new ApproveMandateRequest { NetworkId = Callers.Network, GroupId = groupId, Mandate = Mandate() }, Callers.Secretariat(), default);

    public async Task<Versioned<GroupDocument>> AssignAsync(string groupId, string personId, Role role, string organisationId = "org-fjordvik")
    {
        Membership.Representative(personId, organisationId);
        return await new AssignRole(Store, Membership, Clock).HandleAsync(new AssignRoleRequest
        {
            NetworkId = Callers.Network,
            GroupId = groupId,
            PersonId = personId,
            Role = role,
        }, Callers.Secretariat(), default);
    }

    /// <summary>A working group with mandate and leader, active.</summary>
    public async Task<Versioned<GroupDocument>> ActiveWorkingGroupAsync(string groupId, string leaderId = "per-leader", JoinPolicy policy = JoinPolicy.Open, string leaderOrganisationId = "org-fjordvik")
    {
        await ProposeWorkingGroupAsync(groupId, policy);
        await ApproveMandateAsync(groupId);
        await AssignAsync(groupId, leaderId, Role.Leader, leaderOrganisationId);
        return await new ActivateGroup(Store, Clock).HandleAsync(new ActivateGroupRequest { NetworkId = Callers.Network, GroupId = groupId, DecisionReference = "PM 14/26" }, Callers.Secretariat(), default);
    }

    /// <summary>The types of the events waiting in the outbox, in commit order (short names).</summary>
    public async Task<IReadOnlyList<string>> PendingEventsAsync()
    {
        var pending = await Outbox.ReadPendingAsync(1000);
        return [.. pending.Select(p => p.Message.MessageType[(p.Message.MessageType.LastIndexOf('.') + 1)..])];
    }

    /// <summary>The pending events of one type, read back as the relay would publish them.</summary>
    public async Task<IReadOnlyList<T>> PendingEventsAsync<T>()
    {
        var pending = await Outbox.ReadPendingAsync(1000);
        return [.. pending.Where(p => p.Message.MessageType == typeof(T).FullName)
            .Select(p => System.Text.Json.JsonSerializer.Deserialize<T>(p.Message.Payload, NetworkPlatform.Messaging.Outbox.UnitOfWorkEventExtensions.EventJson)!)];
    }

    public async Task ClearOutboxAsync()
    {
        var pending = await Outbox.ReadPendingAsync(1000);
        await Outbox.MarkSentAsync([.. pending.Select(p => p.Sequence)]);
    }

    public static FieldMask Mask(params string[] paths) => new() { Paths = { paths } };
}
