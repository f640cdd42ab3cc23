using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Features.Lifecycle;
using NetworkPlatform.Groups.Features.Mandates;
using NetworkPlatform.Groups.Features.RoleAssignments;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Tests.Support;

/// <summary>The groups use cases on one real database, with a test clock and known membership answers.</summary>
internal sealed class GroupsHarness
{
    public GroupsHarness(IDocumentStore store, IOutbox outbox)
    {
        Store = store;
        Outbox = outbox;
        Context = new(Store, Membership, Clock);
    }

    public const string PartnerMeeting = "partnermotet";

    public IDocumentStore Store { get; }

    public IOutbox Outbox { get; }

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));

    public KnownMembership Membership { get; } = new();

    public GroupsContext Context { get; }

    /// <summary>The partner meeting, which approves mandates.</summary>
    public async Task<string> RegisterPartnerMeetingAsync()
    {
        await new CreateGroup(Context).RunAsync(new CreateGroupCommand(Callers.Network, PartnerMeeting, "",
            Draft("Partnermøtet", GroupKind.PartnerMeeting)), Callers.Secretariat(), default);
        return PartnerMeeting;
    }

    public static GroupDraft Draft(string name, GroupKind kind, GroupScope? scope = GroupScope.National, JoinPolicy? policy = null,
        string startDate = "", string endDate = "") => new(name, "", kind, scope, policy, startDate, endDate, "");

    public async Task<Versioned<Group>> ProposeWorkingGroupAsync(string groupId, JoinPolicy policy = JoinPolicy.Open) =>
        await new ProposeGroup(Context).RunAsync(new ProposeGroupCommand(Callers.Network, groupId, "",
            Draft($"Arbeidsgruppe {groupId}", GroupKind.WorkingGroup, policy: policy, startDate: "2026-01-01", endDate: "2026-12-31"),
            "Behov for felles innsats"), Callers.Representative("per-proposer"), default);

    public static MandateDraft Mandate() => new(
        Purpose: "Redusere digital mobbing",
        Scope: "Nasjonalt",
        Tasks: ["Utvikle veileder for skoler"],
        Deliverables: ["Veileder"],
        ReportingDuties: ["Rapport til partnermøtet i desember"],
        StartDate: "2026-01-01",
        EndDate: "2026-12-31",
        ApprovedByGroupId: PartnerMeeting,
        DecisionReference: "Partnermøtet 12.03.2026 sak 14/26");

    public async Task<Versioned<Group>> ApproveMandateAsync(string groupId) =>
        await new ApproveMandate(Context).RunAsync(new ApproveMandateCommand(Callers.Network, groupId, Mandate(), ""),
            Callers.Secretariat(), default);

    public async Task<Versioned<Group>> AssignAsync(string groupId, string personId, GroupRole role, string organisationId = "org-fjordvik")
    {
        Membership.Representative(personId, organisationId);
        return await new AssignRole(Context).RunAsync(new AssignRoleCommand(Callers.Network, groupId, personId, "", role, "", ""),
            Callers.Secretariat(), default);
    }

    /// <summary>A working group with mandate and leader, active.</summary>
    public async Task<Versioned<Group>> ActiveWorkingGroupAsync(string groupId, string leaderId = "per-leader",
        JoinPolicy policy = JoinPolicy.Open,
        string leaderOrganisationId = "org-fjordvik")
    {
        await ProposeWorkingGroupAsync(groupId, policy);
        await ApproveMandateAsync(groupId);
        await AssignAsync(groupId, leaderId, GroupRole.Leader, leaderOrganisationId);
        return await new ActivateGroup(Context).RunAsync(new ActivateGroupCommand(Callers.Network, groupId, "PM 14/26", ""),
            Callers.Secretariat(),
            default);
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
            .Select(p => System.Text.Json.JsonSerializer.Deserialize<T>(p.Message.Payload,
                NetworkPlatform.Messaging.Outbox.UnitOfWorkEventExtensions.EventJson)!)];
    }

    public async Task ClearOutboxAsync()
    {
        var pending = await Outbox.ReadPendingAsync(1000);
        await Outbox.MarkSentAsync([.. pending.Select(p => p.Sequence)]);
    }
}
