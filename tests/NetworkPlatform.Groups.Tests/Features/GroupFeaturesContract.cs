using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Features.Lifecycle;
using NetworkPlatform.Groups.Features.Mandates;
using NetworkPlatform.Groups.Features.Participation;
using NetworkPlatform.Groups.Tests.Support;

namespace NetworkPlatform.Groups.Tests.Features;

/// <summary>The group use cases against a real database; run once per storage adapter.</summary>
public abstract class GroupFeaturesContract<TStore>(TStore fixture) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    private Task<GroupsHarness> OpenAsync() => fixture.OpenAsync();

    [Fact]
    public async Task proposing_a_group_stores_it_as_proposed_and_publishes_GroupProposed()
    {
        var harness = await OpenAsync();

        var proposed = await harness.ProposeWorkingGroupAsync("wg-digital");

        var stored = await new GetGroup(harness.Context).RunAsync(new GetGroupQuery(Callers.Network, "wg-digital"),
            Callers.Representative("per-x"), default);
        Assert.Equal(GroupState.Proposed, stored.Document.State);
        Assert.Equal(proposed.Version, stored.Version);
        Assert.Equal("user-per-proposer", stored.Document.Lifecycle[0].DecidedBy);
        Assert.Equal(["GroupProposed"], await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task retrying_a_propose_with_the_same_request_id_returns_the_first_group()
    {
        var harness = await OpenAsync();
        var propose = new ProposeGroup(harness.Context);
        var request = new ProposeGroupCommand(Callers.Network, "", "3a4c6a4e-0d6f-4d0e-9b51-6a3f4d1c2b10",
            GroupsHarness.Draft("Temagruppe tobakksfrie sykehus", GroupKind.ThematicGroup), "");

        var first = await propose.RunAsync(request, Callers.Representative("per-x"), default);
        var second = await propose.RunAsync(request, Callers.Representative("per-x"), default);

        Assert.Equal(first.Document.Id, second.Document.Id);
        Assert.StartsWith("grp-", first.Document.Id, StringComparison.Ordinal);
        Assert.Equal(["GroupProposed"], await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task a_taken_group_id_is_refused_as_already_existing()
    {
        var harness = await OpenAsync();
        await harness.ProposeWorkingGroupAsync("wg-digital");

        await Assert.ThrowsAsync<AlreadyExistsException>(() => harness.ProposeWorkingGroupAsync("wg-digital"));
    }

    [Fact]
    public async Task proposing_a_working_group_without_end_date_names_the_field()
    {
        var harness = await OpenAsync();

        var error = await Assert.ThrowsAsync<InvalidFieldsException>(() => new ProposeGroup(harness.Context).RunAsync(
            new ProposeGroupCommand(Callers.Network, "", "", GroupsHarness.Draft("AG", GroupKind.WorkingGroup, endDate: ""), ""),
            Callers.Representative("per-x"), default));

        Assert.Equal("group.end_date", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task activating_a_group_without_mandate_and_leader_lists_both_and_changes_nothing()
    {
        var harness = await OpenAsync();
        var proposed = await harness.ProposeWorkingGroupAsync("wg-digital");

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => new ActivateGroup(harness.Context)
            .RunAsync(new ActivateGroupCommand(Callers.Network, "wg-digital", "", ""), Callers.Secretariat(), default));

        Assert.Equal(["MANDATE_MISSING", "LEADER_MISSING"], error.Violations.Select(v => v.Reason));
        var stored = await harness.Store.GetAsync(NetworkPlatform.Groups.Storage.GroupsCollections.Groups, Callers.Network, "wg-digital");
        Assert.Equal(proposed.Version, stored!.Version);
    }

    [Fact]
    public async Task the_whole_start_publishes_proposal_mandate_staffing_and_activation_in_order()
    {
        var harness = await OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        await harness.ClearOutboxAsync();

        var active = await harness.ActiveWorkingGroupAsync("wg-digital");

        Assert.Equal(GroupState.Active, active.Document.State);
        Assert.Equal("Partnermøtet 12.03.2026 sak 14/26", active.Document.CurrentMandate!.Terms.DecisionReference);
        Assert.Equal(["GroupProposed", "MandateApproved", "ParticipantJoined", "RoleAssigned", "GroupActivated"],
            await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task a_mandate_approved_by_a_body_that_does_not_govern_is_refused()
    {
        var harness = await OpenAsync();
        await harness.ProposeWorkingGroupAsync("wg-other");
        await harness.ProposeWorkingGroupAsync("wg-digital");
        var mandate = GroupsHarness.Mandate() with { ApprovedByGroupId = "wg-other" };

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => new ApproveMandate(harness.Context)
            .RunAsync(new ApproveMandateCommand(Callers.Network, "wg-digital", mandate, ""), Callers.Secretariat(), default));

        Assert.Equal("APPROVER_NOT_GOVERNING_BODY", Assert.Single(error.Violations).Reason);
    }

    [Fact]
    public async Task revising_a_mandate_keeps_the_history_and_publishes_MandateRevised()
    {
        var harness = await OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        await harness.ActiveWorkingGroupAsync("wg-digital");
        await harness.ClearOutboxAsync();
        var revision = GroupsHarness.Mandate() with
        {
            Tasks = [.. GroupsHarness.Mandate().Tasks, "Kartlegge tiltak i kommunene"],
            DecisionReference = "Partnermøtet 10.06.2026 sak 30/26",
        };

        var revised = await new ReviseMandate(harness.Context)
            .RunAsync(new ReviseMandateCommand(Callers.Network, "wg-digital", revision, ""), Callers.Secretariat(), default);

        Assert.Equal([1, 2], revised.Document.Mandates.Select(m => m.Version));
        Assert.Equal(["MandateRevised"], await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task joining_with_a_person_who_is_not_an_active_members_representative_is_refused_with_the_reason()
    {
        var harness = await OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        await harness.ActiveWorkingGroupAsync("wg-digital");
        harness.Membership.NotARepresentative("per-henrik", "their organisation's membership is applied, not active");
        await harness.ClearOutboxAsync();

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => new JoinGroup(harness.Context)
            .RunAsync(new JoinGroupCommand(Callers.Network, "wg-digital", "per-henrik"), Callers.Representative("per-henrik",
                "org-hogskole"), default));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("NOT_A_MEMBER_REPRESENTATIVE", violation.Reason);
        Assert.Contains("membership is applied, not active", violation.Description, StringComparison.Ordinal);
        Assert.Empty(await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task a_representative_joins_an_open_group_after_membership_confirms_them()
    {
        var harness = await OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        await harness.ActiveWorkingGroupAsync("wg-digital");
        harness.Membership.Representative("per-sindre", "org-trygg");
        var checksBefore = harness.Membership.Checks;
        await harness.ClearOutboxAsync();

        var (group, joined) = await new JoinGroup(harness.Context)
            .RunAsync(new JoinGroupCommand(Callers.Network, "wg-digital", "per-sindre"), Callers.Representative("per-sindre", "org-trygg"),
                default);

        Assert.True(joined);
        Assert.Equal("org-trygg", group.Document.FindParticipant("per-sindre")!.OrganisationId);
        Assert.Equal(checksBefore + 1, harness.Membership.Checks);
        Assert.Equal(["ParticipantJoined", "RoleAssigned"], await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task nobody_joins_on_someone_elses_behalf()
    {
        var harness = await OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        await harness.ActiveWorkingGroupAsync("wg-digital");
        harness.Membership.Representative("per-sindre", "org-trygg");

        await Assert.ThrowsAsync<PermissionDeniedException>(() => new JoinGroup(harness.Context)
            .RunAsync(new JoinGroupCommand(Callers.Network, "wg-digital", "per-sindre"), Callers.Representative("per-other"), default));
    }

    [Fact]
    public async Task a_join_request_waits_for_the_leader_who_approves_it()
    {
        var harness = await OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        await harness.ActiveWorkingGroupAsync("wg-digital", policy: JoinPolicy.LeaderApproval);
        harness.Membership.Representative("per-aisha", "org-barn");
        await harness.ClearOutboxAsync();

        var (pending, joined) = await new JoinGroup(harness.Context)
            .RunAsync(new JoinGroupCommand(Callers.Network, "wg-digital", "per-aisha"), Callers.Representative("per-aisha", "org-barn"),
                default);
        var approve = new ApproveJoinRequestCommand(Callers.Network, "wg-digital", "per-aisha", Approve: true);
        var notLeader = await Assert.ThrowsAsync<PermissionDeniedException>(() => new ApproveJoinRequest(harness.Context).RunAsync(
            approve, Callers.Representative("per-aisha", "org-barn"), default));
        var approved = await new ApproveJoinRequest(harness.Context).RunAsync(approve, Callers.Leader("per-leader"), default);

        Assert.False(joined);
        Assert.Single(pending.Document.JoinRequests);
        Assert.Equal("LEADER_OR_SECRETARIAT_REQUIRED", notLeader.Reason);
        Assert.NotNull(approved.Document.FindParticipant("per-aisha"));
        Assert.Empty(approved.Document.JoinRequests);
        Assert.Equal(["ParticipantJoined", "RoleAssigned"], await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task leaving_the_group_as_its_leader_flags_it_as_missing_a_leader()
    {
        var harness = await OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        await harness.ActiveWorkingGroupAsync("wg-digital");
        await harness.ClearOutboxAsync();

        var left = await new LeaveGroup(harness.Context)
            .RunAsync(new LeaveGroupCommand(Callers.Network, "wg-digital", "per-leader"), Callers.Leader("per-leader"), default);

        Assert.Contains(GroupFlag.LeaderMissing, left.Document.Flags);
        Assert.Equal(["RoleVacated", "ParticipantLeft"], await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task an_update_with_a_stale_etag_is_refused_with_the_current_one()
    {
        var harness = await OpenAsync();
        var proposed = await harness.ProposeWorkingGroupAsync("wg-digital");
        var update = new UpdateGroup(harness.Context);
        await update.RunAsync(Description(proposed.ETag, "Første"), Callers.Secretariat(), default);

        var error = await Assert.ThrowsAsync<StaleEtagException>(() => update.RunAsync(Description(proposed.ETag, "Andre"),
            Callers.Secretariat(), default));

        Assert.Equal((proposed.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), error.CurrentEtag);
    }

    private static UpdateGroupCommand Description(string etag, string description) =>
        new(Callers.Network, "wg-digital", etag, ["description"], new GroupDraft("", description, null, null, null, "", "", ""));

    [Fact]
    public async Task an_update_changes_only_the_masked_fields_and_refuses_unknown_ones()
    {
        var harness = await OpenAsync();
        await harness.ProposeWorkingGroupAsync("wg-digital");
        var update = new UpdateGroup(harness.Context);

        var updated = await update.RunAsync(new UpdateGroupCommand(Callers.Network, "wg-digital", "", ["display_name"],
            new GroupDraft("Nytt navn", "ikke med i masken", null, null, null, "", "", "")), Callers.Secretariat(), default);
        var refused = await Assert.ThrowsAsync<InvalidFieldsException>(() => update.RunAsync(new UpdateGroupCommand(Callers.Network,
            "wg-digital", "",
            ["state"], new GroupDraft("", "", null, null, null, "", "", "")), Callers.Secretariat(), default));

        Assert.Equal("Nytt navn", updated.Document.Details.DisplayName);
        Assert.Equal("", updated.Document.Details.Description);
        Assert.Equal("update_mask", Assert.Single(refused.Violations).Field);
    }

    [Fact]
    public async Task listing_filters_by_kind_and_pages_in_id_order()
    {
        var harness = await OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        foreach (var id in new[] { "wg-c", "wg-a", "wg-b" })
        {
            await harness.ProposeWorkingGroupAsync(id);
        }
        var list = new ListGroups(harness.Context);

        var first = await list.RunAsync(new ListGroupsQuery(Callers.Network, GroupKind.WorkingGroup, null, null, 2, ""),
            Callers.Secretariat(), default);
        var second = await list.RunAsync(new ListGroupsQuery(Callers.Network, GroupKind.WorkingGroup, null, null, 2, first.NextPageToken!),
            Callers.Secretariat(), default);

        Assert.Equal(["wg-a", "wg-b"], first.Items.Select(g => g.Document.Id));
        Assert.Equal(["wg-c"], second.Items.Select(g => g.Document.Id));
        Assert.True(string.IsNullOrEmpty(second.NextPageToken));
    }

    [Fact]
    public async Task another_networks_token_sees_nothing()
    {
        var harness = await OpenAsync();
        await harness.ProposeWorkingGroupAsync("wg-digital");

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(() => new GetGroup(harness.Context).RunAsync(
            new GetGroupQuery(Callers.Network, "wg-digital"), Callers.Representative("per-x", network: "norsk-hph"), default));

        Assert.Equal("TENANT_MISMATCH", error.Reason);
    }

    [Fact]
    public async Task dissolving_records_the_reason_and_publishes_GroupDissolved()
    {
        var harness = await OpenAsync();
        await harness.ProposeWorkingGroupAsync("wg-digital");
        await harness.ClearOutboxAsync();

        var dissolved = await new DissolveGroup(harness.Context).RunAsync(
            new DissolveGroupCommand(Callers.Network, "wg-digital", "Ingen meldte seg", "PM 20/26", ""), Callers.Secretariat(), default);

        Assert.Equal(GroupState.Dissolved, dissolved.Document.State);
        Assert.Equal("Ingen meldte seg", dissolved.Document.Lifecycle[^1].Reason);
        Assert.Equal(["GroupDissolved"], await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task starting_to_conclude_publishes_GroupConcludingStarted_and_finishing_GroupConcluded()
    {
        var harness = await OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        await harness.ActiveWorkingGroupAsync("wg-digital");
        await harness.ClearOutboxAsync();
        var conclude = new ConcludeGroup(harness.Context);

        await conclude.RunAsync(new ConcludeGroupCommand(Callers.Network, "wg-digital", ConclusionStep.Start, "PM 21/26", ""),
            Callers.Secretariat(), default);
        Assert.Equal(["GroupConcludingStarted"], await harness.PendingEventsAsync());
        await harness.ClearOutboxAsync();
        await conclude.RunAsync(new ConcludeGroupCommand(Callers.Network, "wg-digital", ConclusionStep.Complete, "PM 22/26", ""),
            Callers.Secretariat(), default);

        var concluded = Assert.Single(await harness.PendingEventsAsync<NetworkPlatform.Events.Groups.GroupConcluded>());
        Assert.Equal(("Concluded", "PM 22/26"), (concluded.State, concluded.DecisionReference));
    }
}

public sealed class SqliteGroupFeaturesTests(SqliteStore fixture) : GroupFeaturesContract<SqliteStore>(fixture);

public sealed class PostgresGroupFeaturesTests(PostgresStore fixture) : GroupFeaturesContract<PostgresStore>(fixture);
