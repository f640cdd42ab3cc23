using NetworkPlatform.Events;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.AnnualWheels;
using NetworkPlatform.Groups.Features.MeasurePolicies;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Groups.Features.Overviews;
using NetworkPlatform.Groups.Tests.Support;

namespace NetworkPlatform.Groups.Tests.Features;

/// <summary>Measures, the measure policy, annual wheels and overviews against a real database; once per adapter.</summary>
public abstract class ActionPlanFeaturesContract<TStore>(TStore fixture) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    private static async Task<string> CreateMeasureAsync(GroupsHarness harness, string id, string groupId = "", int year = 2026,
        string parent = "")
    {
        var created = await new CreateMeasure(harness.Context).RunAsync(new CreateMeasureCommand(Callers.Network, id, "",
            new MeasureDraft(year, $"Tiltak {id}", "", parent, groupId, null, [new MilestoneDraft("plan", "Plan vedtatt",
                $"{year}-03-01")])),
            Callers.Secretariat(), default);
        return created.Document.Id;
    }

    private async Task<GroupsHarness> TwoActiveGroupsAsync()
    {
        var harness = await fixture.OpenAsync();
        await harness.RegisterPartnerMeetingAsync();
        await harness.ActiveWorkingGroupAsync("wg-a", "per-leader-a");
        await harness.ActiveWorkingGroupAsync("wg-b", "per-leader-b");
        return harness;
    }

    [Fact]
    public async Task the_policy_report_shows_each_group_against_two_measures_and_the_unassigned_ones()
    {
        var harness = await TwoActiveGroupsAsync();
        await CreateMeasureAsync(harness, "m1", "wg-a");
        await CreateMeasureAsync(harness, "m2", "wg-a");
        await CreateMeasureAsync(harness, "m3", "wg-b");
        await CreateMeasureAsync(harness, "m4");
        await CreateMeasureAsync(harness, "m1-a", "wg-a", parent: "m1");
        var report = new GetMeasurePolicyReport(harness.Context);

        var before = await report.RunAsync(new GetMeasurePolicyReportQuery(Callers.Network, 2026), Callers.Secretariat(), default);
        await new AssignMeasure(harness.Context).RunAsync(new AssignMeasureCommand(Callers.Network, "m4", "wg-b", ""),
            Callers.Secretariat(), default);
        var after = await report.RunAsync(new GetMeasurePolicyReportQuery(Callers.Network, 2026), Callers.Secretariat(), default);

        Assert.False(before.Compliant);
        Assert.Equal(MeasureCompliance.Meets, before.Groups.Single(g => g.GroupId == "wg-a").Compliance);
        Assert.Equal(MeasureCompliance.TooFew, before.Groups.Single(g => g.GroupId == "wg-b").Compliance);
        Assert.Equal(["m4"], before.UnassignedMeasureIds);
        Assert.True(after.Compliant);
    }

    [Fact]
    public async Task a_policy_of_one_measure_makes_two_too_many()
    {
        var harness = await TwoActiveGroupsAsync();
        await CreateMeasureAsync(harness, "m1", "wg-a");
        await CreateMeasureAsync(harness, "m2", "wg-a");
        await CreateMeasureAsync(harness, "m3", "wg-b");
        await new SetMeasurePolicy(harness.Context).RunAsync(new SetMeasurePolicyCommand(Callers.Network, 1, [], ""), Callers.Secretariat(),
            default);

        var report = await new GetMeasurePolicyReport(harness.Context).RunAsync(new GetMeasurePolicyReportQuery(Callers.Network, 2026),
            Callers.Secretariat(), default);

        Assert.Equal(MeasureCompliance.TooMany, report.Groups.Single(g => g.GroupId == "wg-a").Compliance);
        Assert.Equal(MeasureCompliance.Meets, report.Groups.Single(g => g.GroupId == "wg-b").Compliance);
    }

    [Fact]
    public async Task creating_an_assigned_measure_publishes_created_and_assigned()
    {
        var harness = await TwoActiveGroupsAsync();
        await harness.ClearOutboxAsync();

        await CreateMeasureAsync(harness, "m1", "wg-a");

        Assert.Equal(["MeasureCreated", "MeasureAssigned"], await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task the_owning_groups_leader_reaches_a_milestone_and_another_representative_may_not()
    {
        var harness = await TwoActiveGroupsAsync();
        await CreateMeasureAsync(harness, "m1", "wg-a");
        await harness.ClearOutboxAsync();
        var reach = new ReachMilestone(harness.Context);
        var request = new ReachMilestoneCommand(Callers.Network, "m1", "plan", "");

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => reach.RunAsync(request, Callers.Leader("per-leader-b"),
            default));
        var reached = await reach.RunAsync(request, Callers.Leader("per-leader-a"), default);

        Assert.Equal("LEADER_OR_SECRETARIAT_REQUIRED", denied.Reason);
        Assert.NotNull(reached.Document.Milestones[0].ReachedAt);
        Assert.Equal(MeasureStatus.OnTrack, reached.Document.Status);
        Assert.Equal(["MilestoneReached", "MeasureStatusChanged"], await harness.PendingEventsAsync());
        var changed = Assert.Single(await harness.PendingEventsAsync<MeasureStatusChanged>());
        Assert.Equal(("NotStarted", "OnTrack", null), (changed.PreviousStatus, changed.Status, changed.MeetingId));
    }

    [Fact]
    public async Task editing_a_measures_status_publishes_the_change_and_editing_only_its_title_does_not()
    {
        var harness = await TwoActiveGroupsAsync();
        await CreateMeasureAsync(harness, "m1", "wg-a");
        await harness.ClearOutboxAsync();
        var update = new UpdateMeasure(harness.Context);

        await update.RunAsync(new UpdateMeasureCommand(Callers.Network, "m1", "", ["title"], new MeasureDraft(0, "Ny tittel", "", "", "",
            null, [])),
            Callers.Secretariat(), default);
        await update.RunAsync(new UpdateMeasureCommand(Callers.Network, "m1", "", ["status"],
            new MeasureDraft(0, "", "", "", "", MeasureStatus.Late, [])), Callers.Secretariat(), default);

        var changed = Assert.Single(await harness.PendingEventsAsync<MeasureStatusChanged>());
        Assert.Equal(("m1", 2026, "wg-a", "NotStarted", "Late"), (changed.MeasureId, changed.Year, changed.GroupId,
            changed.PreviousStatus, changed.Status));
        // The new title goes to the copies of the measure (reporting's), once.
        var retitled = Assert.Single(await harness.PendingEventsAsync<MeasureRetitled>());
        Assert.Equal(("m1", "Ny tittel"), (retitled.MeasureId, retitled.Title));
    }

    [Fact]
    public async Task a_measure_with_several_bad_fields_gets_them_all_at_once_and_is_not_stored()
    {
        var harness = await TwoActiveGroupsAsync();
        var draft = new MeasureDraft(2026, " ", "", "", "wg-a", null,
            [new MilestoneDraft("plan", "", "2026-02-30"), new MilestoneDraft("rapport", "Rapport", "2026-12-01")]);

        var error = await Assert.ThrowsAsync<InvalidFieldsException>(() => new CreateMeasure(harness.Context).RunAsync(
            new CreateMeasureCommand(Callers.Network, "m-bad", "", draft), Callers.Secretariat(), default));
        var update = await Assert.ThrowsAsync<InvalidFieldsException>(async () =>
        {
            await CreateMeasureAsync(harness, "m1", "wg-a");
            await new UpdateMeasure(harness.Context).RunAsync(new UpdateMeasureCommand(Callers.Network, "m1", "", ["title", "milestones"],
                draft), Callers.Secretariat(), default);
        });

        string[] expected = ["measure.milestones[0].due_date", "measure.milestones[0].title", "measure.title"];
        Assert.Equal(expected, error.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal(expected, update.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Null(await harness.Store.GetAsync(Storage.GroupsCollections.Measures, Callers.Network, "m-bad"));
    }

    [Fact]
    public async Task the_annual_wheel_links_activities_to_measures_of_its_year()
    {
        var harness = await TwoActiveGroupsAsync();
        await CreateMeasureAsync(harness, "m1", "wg-a");
        await CreateMeasureAsync(harness, "m-2027", "wg-a", year: 2027);
        await harness.ClearOutboxAsync();
        var update = new UpdateAnnualWheel(harness.Context);
        UpdateAnnualWheelCommand Wheel(params string[] reportMeasures) => new(Callers.Network, "wg-a", 2026,
        [
            new ActivityDraft("oppstart", 1, "Oppstartsmøte", "", ["m1"], "mtg-1"),
            new ActivityDraft("rapport", 12, "Rapporteringsmøte", "", reportMeasures, ""),
        ], "");

        var stored = await update.RunAsync(Wheel(), Callers.Leader("per-leader-a"), default);
        var refused = await Assert.ThrowsAsync<InvalidFieldsException>(() => update.RunAsync(Wheel("m-2027"),
            Callers.Leader("per-leader-a"), default));
        var read = await new GetAnnualWheel(harness.Context).RunAsync(new GetAnnualWheelQuery(Callers.Network, "wg-a", 2026),
            Callers.Representative("per-x"),
            default);

        Assert.Equal(["oppstart", "rapport"], stored.Document.Activities.Select(a => a.Id));
        Assert.Equal("wheel.activities[1].measure_ids", Assert.Single(refused.Violations).Field);
        Assert.Equal(stored.Version, read.Version);
        Assert.Equal(["AnnualWheelUpdated"], await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task the_secretariat_overview_lists_every_group_with_leader_and_measures()
    {
        var harness = await TwoActiveGroupsAsync();
        await CreateMeasureAsync(harness, "m1", "wg-a");

        var overview = await new GetSecretariatOverview(harness.Context).RunAsync(new GetSecretariatOverviewQuery(Callers.Network, 2026),
            Callers.Secretariat(),
            default);

        Assert.Equal(["partnermotet", "wg-a", "wg-b"], overview.Select(o => o.Group.Id));
        var groupA = overview.Single(o => o.Group.Id == "wg-a");
        Assert.Equal("per-leader-a", groupA.Group.Leader!.PersonId);
        Assert.Equal(["m1"], groupA.Measures.Select(m => m.Id));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => new GetSecretariatOverview(harness.Context).RunAsync(
            new GetSecretariatOverviewQuery(Callers.Network, 0), Callers.Representative("per-x"), default));
    }

    [Fact]
    public async Task an_organisation_sees_where_its_own_people_take_part()
    {
        var harness = await TwoActiveGroupsAsync();
        await harness.AssignAsync("wg-b", "per-eirik", GroupRole.Member, "org-laerer");

        var participation = await new GetOrganisationParticipation(harness.Context).RunAsync(
            new GetOrganisationParticipationQuery(Callers.Network, "org-laerer"), Callers.Representative("per-eirik", "org-laerer"),
                default);
        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => new GetOrganisationParticipation(harness.Context).RunAsync(
            new GetOrganisationParticipationQuery(Callers.Network, "org-fjordvik"), Callers.Representative("per-eirik", "org-laerer"),
                default));

        var group = Assert.Single(participation);
        Assert.Equal("wg-b", group.Group.Id);
        Assert.Equal(["per-eirik"], group.Participants.Select(p => p.PersonId));
        Assert.Equal("OWN_ORGANISATION_ONLY", denied.Reason);
    }
}

public sealed class SqliteActionPlanFeaturesTests(SqliteStore fixture) : ActionPlanFeaturesContract<SqliteStore>(fixture);

public sealed class PostgresActionPlanFeaturesTests(PostgresStore fixture) : ActionPlanFeaturesContract<PostgresStore>(fixture);
