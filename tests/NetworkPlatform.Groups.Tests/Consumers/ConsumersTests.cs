using Microsoft.Extensions.Logging.Abstractions;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Groups.Consumers;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Groups.Features.Participation;
using NetworkPlatform.Groups.Features.RoleAssignments;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.Tests.Support;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Tests.Consumers;

/// <summary>The groups service's reactions to other services' events, delivered the way the inbox consumer does it.</summary>
public sealed class ConsumersTests(SqliteStore fixture) : IClassFixture<SqliteStore>
{
    private static readonly DateTimeOffset At = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>As the inbox consumer: mark the message handled, handle, commit; false when it was handled before.</summary>
    private static async Task<bool> DeliverAsync<TEvent>(GroupsHarness harness, IEventHandler<TEvent> handler, TEvent domainEvent)
        where TEvent : class, IDomainEvent
    {
        await using var unitOfWork = await harness.Store.BeginAsync();
        if (!await unitOfWork.TryMarkHandledAsync($"groups.{handler.GetType().Name}", domainEvent.EventId))
        {
            return false;
        }
        await handler.HandleAsync(domainEvent, unitOfWork, default);
        await unitOfWork.CommitAsync();
        return true;
    }

    private static RepresentativeWithdrawn Withdrawn(string personId, string organisationId = "org-fjordvik") =>
        new(Guid.NewGuid(), At, Callers.Network, "rep-1", 2, "rep-1", organisationId, personId, RepresentativeWithdrawalReasons.Withdrawn,
            "", At, "secretariat-user");

    private async Task<GroupsHarness> StaffedGroupsAsync()
    {
        var harness = await fixture.OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        await harness.ActiveWorkingGroupAsync("wg-a", "per-ingrid");
        await harness.AssignAsync("wg-a", "per-ingrid", GroupRole.BudgetResponsible);
        await harness.AssignAsync("wg-a", "per-marte", GroupRole.Member, "org-aasen");
        await harness.ActiveWorkingGroupAsync("wg-b", "per-marte", leaderOrganisationId: "org-aasen");
        await harness.AssignAsync("wg-b", "per-ingrid", GroupRole.Member);
        await harness.ClearOutboxAsync();
        return harness;
    }

    private static MembershipEndedHandler MembershipEnded(GroupsHarness harness) =>
        new(harness.Context, NullLogger<MembershipEndedHandler>.Instance);

    private static MeetingDecisionsHandler MeetingDecisions(GroupsHarness harness) =>
        new(harness.Context, NullLogger<MeetingDecisionsHandler>.Instance);

    private static async Task<Group> GroupAsync(GroupsHarness harness, string id) =>
        (await harness.Store.GetAsync(GroupsCollections.Groups, Callers.Network, id))!.Document;

    [Fact]
    public async Task an_erased_person_stays_in_every_group_with_their_roles_as_former_participant_and_a_second_erasure_changes_nothing()
    {
        var harness = await StaffedGroupsAsync();
        var handler = new PersonErasedHandler(harness.Context, NullLogger<PersonErasedHandler>.Instance);
        PersonErased Erased() => new(Guid.NewGuid(), At, Callers.Network, "per-ingrid", 3, "per-ingrid", "sec-1", "Left");
        var before = await GroupAsync(harness, "wg-a");

        await DeliverAsync(harness, handler, Erased());
        var once = (await harness.Store.GetAsync(GroupsCollections.Groups, Callers.Network, "wg-a"))!;
        await DeliverAsync(harness, handler, Erased());
        var twice = (await harness.Store.GetAsync(GroupsCollections.Groups, Callers.Network, "wg-a"))!;

        var ingrid = once.Document.FindParticipant("per-ingrid")!;
        Assert.Equal((PersonErased.FormerParticipant, "", ""), (ingrid.DisplayName, ingrid.Email, ingrid.Phone));
        Assert.Equal(before.FindParticipant("per-ingrid")!.Roles, ingrid.Roles);
        Assert.Equal(before.Participants.Count, once.Document.Participants.Count);
        Assert.Equal(before.FindParticipant("per-marte")!.ToIdentity(), once.Document.FindParticipant("per-marte")!.ToIdentity());
        Assert.Equal(PersonErased.FormerParticipant, (await GroupAsync(harness, "wg-b")).FindParticipant("per-ingrid")!.DisplayName);
        Assert.Equal(once.Version, twice.Version);
        Assert.Empty(await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task a_withdrawn_representative_leaves_every_group_and_the_group_is_flagged_for_the_roles_they_held()
    {
        var harness = await StaffedGroupsAsync();
        var handler = MembershipEnded(harness);

        await DeliverAsync(harness, handler, Withdrawn("per-ingrid"));

        var groupA = await GroupAsync(harness, "wg-a");
        var groupB = await GroupAsync(harness, "wg-b");
        Assert.Null(groupA.FindParticipant("per-ingrid"));
        Assert.Null(groupB.FindParticipant("per-ingrid"));
        Assert.Equal([GroupFlag.LeaderMissing, GroupFlag.BudgetResponsibleMissing], groupA.Flags);
        Assert.DoesNotContain(GroupFlag.LeaderMissing, groupB.Flags);
        Assert.Equal(["RoleVacated", "RoleVacated", "ParticipantLeft", "RoleVacated", "ParticipantLeft"],
            await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task a_redelivered_withdrawal_changes_nothing()
    {
        var harness = await StaffedGroupsAsync();
        var handler = MembershipEnded(harness);
        var withdrawn = Withdrawn("per-ingrid");
        await DeliverAsync(harness, handler, withdrawn);
        var version = (await harness.Store.GetAsync(GroupsCollections.Groups, Callers.Network, "wg-a"))!.Version;
        await harness.ClearOutboxAsync();

        var handledAgain = await DeliverAsync(harness, handler, withdrawn);

        Assert.False(handledAgain);
        Assert.Equal(version, (await harness.Store.GetAsync(GroupsCollections.Groups, Callers.Network, "wg-a"))!.Version);
        Assert.Empty(await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task the_resignation_after_the_withdrawals_it_caused_finds_nothing_left_to_do()
    {
        var harness = await StaffedGroupsAsync();
        var handler = MembershipEnded(harness);
        await DeliverAsync(harness, handler, Withdrawn("per-marte",
            "org-aasen") with { Reason = RepresentativeWithdrawalReasons.MembershipEnded });
        await harness.ClearOutboxAsync();

        await DeliverAsync(harness, handler, new MembershipResigned(Guid.NewGuid(), At, Callers.Network, "org-aasen", 5, "org-aasen",
            "secretariat-user", "Utmeldt", ["rep-2"]));

        Assert.Empty(await harness.PendingEventsAsync());
        Assert.Contains(GroupFlag.LeaderMissing, (await GroupAsync(harness, "wg-b")).Flags);
    }

    [Fact]
    public async Task a_resigned_organisation_takes_its_people_out_of_groups_by_itself()
    {
        var harness = await StaffedGroupsAsync();
        var handler = MembershipEnded(harness);

        await DeliverAsync(harness, handler, new MembershipResigned(Guid.NewGuid(), At, Callers.Network, "org-aasen", 5, "org-aasen",
            "secretariat-user", "Utmeldt", []));

        Assert.Null((await GroupAsync(harness, "wg-a")).FindParticipant("per-marte"));
        Assert.Null((await GroupAsync(harness, "wg-b")).FindParticipant("per-marte"));
        Assert.NotNull((await GroupAsync(harness, "wg-a")).FindParticipant("per-ingrid"));
    }

    [Fact]
    public async Task a_leader_elected_in_the_minutes_becomes_the_leader_once()
    {
        var harness = await StaffedGroupsAsync();
        var handler = MeetingDecisions(harness);
        DecisionRecorded Elected() => new(Guid.NewGuid(), At, Callers.Network, "mtg-1", 1, "mtg-1", "wg-a", DecisionKind.LeaderElected,
            "per-marte", null, null, "Marte Lie valgt til leder");

        await DeliverAsync(harness, handler, Elected());
        var afterFirst = await harness.PendingEventsAsync();
        await harness.ClearOutboxAsync();
        await DeliverAsync(harness, handler, Elected());

        var group = await GroupAsync(harness, "wg-a");
        Assert.Equal("per-marte", group.Leader!.PersonId);
        Assert.Equal([GroupRole.BudgetResponsible], group.FindParticipant("per-ingrid")!.Roles);
        Assert.Equal(["RoleAssigned", "RoleVacated"], afterFirst);
        Assert.Empty(await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task a_budget_responsible_elected_who_is_not_yet_in_the_group_is_checked_with_membership_and_added()
    {
        var harness = await StaffedGroupsAsync();
        harness.Membership.Representative("per-sindre", "org-trygg");
        var handler = MeetingDecisions(harness);

        await DeliverAsync(harness, handler, new DecisionRecorded(Guid.NewGuid(), At, Callers.Network, "mtg-1", 1, "mtg-1", "wg-b",
            DecisionKind.BudgetResponsibleElected, "per-sindre", null, null, ""));

        Assert.Equal("per-sindre", (await GroupAsync(harness, "wg-b")).BudgetResponsible!.PersonId);
    }

    [Fact]
    public async Task a_measure_status_decided_in_the_minutes_updates_the_groups_measure_but_not_another_groups()
    {
        var harness = await StaffedGroupsAsync();
        await using (var unitOfWork = await harness.Store.BeginAsync())
        {
            var measure = Measure.Create(Callers.Network, "m1", 2026, "Kampanje", "", null, [], At).AssignTo(await GroupAsync(harness,
                "wg-a"), At);
            await unitOfWork.InsertAsync(GroupsCollections.Measures, Callers.Network, measure);
            await unitOfWork.CommitAsync();
        }
        var handler = MeetingDecisions(harness);

        await DeliverAsync(harness, handler, new DecisionRecorded(Guid.NewGuid(), At, Callers.Network, "mtg-2", 1, "mtg-2", "wg-b",
            DecisionKind.MeasureStatus, null, "m1", "Done", ""));
        var unchanged = (await harness.Store.GetAsync(GroupsCollections.Measures, Callers.Network, "m1"))!.Document.Status;
        await DeliverAsync(harness, handler, new DecisionRecorded(Guid.NewGuid(), At, Callers.Network, "mtg-1", 1, "mtg-1", "wg-a",
            DecisionKind.MeasureStatus, null, "m1", "Completed", ""));

        Assert.Equal(MeasureStatus.NotStarted, unchanged);
        // "Completed": a decision published before the one vocabulary, still in flight, reads as Done.
        Assert.Equal(MeasureStatus.Done, (await harness.Store.GetAsync(GroupsCollections.Measures, Callers.Network,
            "m1"))!.Document.Status);
        var changed = Assert.Single(await harness.PendingEventsAsync<MeasureStatusChanged>());
        Assert.Equal(("m1", "NotStarted", "Done", "mtg-1"), (changed.MeasureId, changed.PreviousStatus, changed.Status,
            changed.MeetingId));
    }

    [Fact]
    public async Task an_approved_join_group_request_admits_the_person_and_other_answers_change_nothing()
    {
        var harness = await StaffedGroupsAsync();
        harness.Membership.Representative("per-nils", "org-rbup");
        var handler = new ParticipationApprovedHandler(harness.Context, NullLogger<ParticipationApprovedHandler>.Instance);
        ParticipationAnswered Answer(string personId, string kind, string answer) => new(Guid.NewGuid(), At, Callers.Network, "pr-1", 2,
            "pr-1", Callers.Network, "org-rbup", personId, kind, kind == "JoinGroup" ? "wg-a" : "", kind == "JoinGroup" ? "" : "Ny gruppe",
            Callers.Network, answer, "secretariat-user");

        await DeliverAsync(harness, handler, Answer("per-nils", "JoinGroup", "Declined"));
        await DeliverAsync(harness, handler, Answer("per-nils", "CreateGroup", "Approved"));
        var before = await GroupAsync(harness, "wg-a");
        await DeliverAsync(harness, handler, Answer("per-nils", "JoinGroup", "Approved"));
        // Already in, or unknown to membership: logged and skipped, not retried.
        await DeliverAsync(harness, handler, Answer("per-nils", "JoinGroup", "Approved"));
        await DeliverAsync(harness, handler, Answer("per-unknown", "JoinGroup", "Approved"));

        Assert.Null(before.FindParticipant("per-nils"));
        var admitted = (await GroupAsync(harness, "wg-a")).FindParticipant("per-nils");
        Assert.Equal(("org-rbup", true), (admitted?.OrganisationId, admitted?.RepresentsMember));
        Assert.Equal([GroupRole.Member], admitted!.Roles);
        var joined = Assert.Single(await harness.PendingEventsAsync<ParticipantJoined>());
        Assert.Equal(("wg-a", "per-nils", "org-rbup"), (joined.GroupId, joined.PersonId, joined.OrganisationId));
    }
}
