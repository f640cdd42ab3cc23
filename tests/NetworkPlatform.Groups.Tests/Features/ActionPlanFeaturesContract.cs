using NetworkPlatform.Events.Groups;
using Grpc.Core;
using NetworkPlatform.Groups.Features.AnnualWheels;
using NetworkPlatform.Groups.Features.MeasurePolicies;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Groups.Features.Overviews;
using NetworkPlatform.Groups.Tests.Support;
using InvalidFieldsException = NetworkPlatform.Groups.Domain.InvalidFieldsException;
using NetworkPlatform.Groups.V1;
using MeasureCompliance = NetworkPlatform.Groups.Domain.MeasureCompliance;
using MeasureStatus = NetworkPlatform.Groups.Domain.MeasureStatus;
using V1 = NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Tests.Features;

/// <summary>Measures, the measure policy, annual wheels and overviews against a real database; once per adapter.</summary>
public abstract class ActionPlanFeaturesContract<TStore>(TStore fixture) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    private static async Task<string> CreateMeasureAsync(GroupsHarness harness, string id, string groupId = "", int year = 2026, string parent = "")
    {
        var created = await new CreateMeasure(harness.Store, harness.Clock).HandleAsync(new CreateMeasureRequest
        {
            NetworkId = Callers.Network,
            MeasureId = id,
            Measure = new V1.Measure
            {
                Year = year,
                Title = $"Tiltak {id}",
                GroupId = groupId,
                ParentMeasureId = parent,
                Milestones = { new V1.Milestone { MilestoneId = "plan", Title = "Plan vedtatt", DueDate = $"{year}-03-01" } },
            },
        }, Callers.Secretariat(), default);
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
        var report = new GetMeasurePolicyReport(harness.Store, harness.Clock);

        var before = await report.HandleAsync(new GetMeasurePolicyReportRequest { NetworkId = Callers.Network, Year = 2026 }, Callers.Secretariat(), default);
        await new AssignMeasure(harness.Store, harness.Clock).HandleAsync(new AssignMeasureRequest { NetworkId = Callers.Network, MeasureId = "m4", GroupId = "wg-b" }, Callers.Secretariat(), default);
        var after = await report.HandleAsync(new GetMeasurePolicyReportRequest { NetworkId = Callers.Network, Year = 2026 }, Callers.Secretariat(), default);

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
        await new SetMeasurePolicy(harness.Store).HandleAsync(new SetMeasurePolicyRequest
        {
            Policy = new V1.MeasurePolicy { NetworkId = Callers.Network, MeasuresPerGroup = 1 },
        }, Callers.Secretariat(), default);

        var report = await new GetMeasurePolicyReport(harness.Store, harness.Clock).HandleAsync(new GetMeasurePolicyReportRequest { NetworkId = Callers.Network, Year = 2026 }, Callers.Secretariat(), default);

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
        var reach = new ReachMilestone(harness.Store, harness.Clock);
        var request = new ReachMilestoneRequest { NetworkId = Callers.Network, MeasureId = "m1", MilestoneId = "plan" };

        var denied = await Assert.ThrowsAsync<RpcException>(() => reach.HandleAsync(request, Callers.Leader("per-leader-b"), default));
        var reached = await reach.HandleAsync(request, Callers.Leader("per-leader-a"), default);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.NotNull(reached.Document.Milestones[0].ReachedAt);
        Assert.Equal(MeasureStatus.InProgress, reached.Document.Status);
        Assert.Equal(["MilestoneReached", "MeasureStatusChanged"], await harness.PendingEventsAsync());
        var changed = Assert.Single(await harness.PendingEventsAsync<MeasureStatusChanged>());
        Assert.Equal(("Planned", "InProgress", null), (changed.PreviousStatus, changed.Status, changed.MeetingId));
    }

    [Fact]
    public async Task editing_a_measures_status_publishes_the_change_and_editing_only_its_title_does_not()
    {
        var harness = await TwoActiveGroupsAsync();
        await CreateMeasureAsync(harness, "m1", "wg-a");
        await harness.ClearOutboxAsync();
        var update = new UpdateMeasure(harness.Store, harness.Clock);

        await update.HandleAsync(new UpdateMeasureRequest
        {
            Measure = new V1.Measure { NetworkId = Callers.Network, MeasureId = "m1", Title = "Ny tittel" },
            UpdateMask = GroupsHarness.Mask("title"),
        }, Callers.Secretariat(), default);
        await update.HandleAsync(new UpdateMeasureRequest
        {
            Measure = new V1.Measure { NetworkId = Callers.Network, MeasureId = "m1", Status = V1.MeasureStatus.Postponed },
            UpdateMask = GroupsHarness.Mask("status"),
        }, Callers.Secretariat(), default);

        var changed = Assert.Single(await harness.PendingEventsAsync<MeasureStatusChanged>());
        Assert.Equal(("m1", 2026, "wg-a", "Planned", "Postponed"), (changed.MeasureId, changed.Year, changed.GroupId, changed.PreviousStatus, changed.Status));
    }

    [Fact]
    public async Task the_annual_wheel_links_activities_to_measures_of_its_year()
    {
        var harness = await TwoActiveGroupsAsync();
        await CreateMeasureAsync(harness, "m1", "wg-a");
        await CreateMeasureAsync(harness, "m-2027", "wg-a", year: 2027);
        await harness.ClearOutboxAsync();
        var update = new UpdateAnnualWheel(harness.Store, harness.Clock);
        var wheel = new V1.AnnualWheel
        {
            NetworkId = Callers.Network,
            GroupId = "wg-a",
            Year = 2026,
            Activities =
            {
                new PlannedActivity { ActivityId = "oppstart", Month = 1, Title = "Oppstartsmøte", MeasureIds = { "m1" }, MeetingId = "mtg-1" },
                new PlannedActivity { ActivityId = "rapport", Month = 12, Title = "Rapporteringsmøte" },
            },
        };

        var stored = await update.HandleAsync(new UpdateAnnualWheelRequest { Wheel = wheel }, Callers.Leader("per-leader-a"), default);
        wheel.Activities[1].MeasureIds.Add("m-2027");
        var refused = await Assert.ThrowsAsync<InvalidFieldsException>(() => update.HandleAsync(new UpdateAnnualWheelRequest { Wheel = wheel }, Callers.Leader("per-leader-a"), default));
        var read = await new GetAnnualWheel(harness.Store, harness.Clock).HandleAsync(new GetAnnualWheelRequest { NetworkId = Callers.Network, GroupId = "wg-a", Year = 2026 }, Callers.Representative("per-x"), default);

        Assert.Equal(["oppstart", "rapport"], stored.Document.Activities.Select(a => a.Id));
        Assert.Equal("wheel.activities[1].measure_ids", Assert.Single(refused.Errors).Field);
        Assert.Equal(stored.Version, read.Version);
        Assert.Equal(["AnnualWheelUpdated"], await harness.PendingEventsAsync());
    }

    [Fact]
    public async Task the_secretariat_overview_lists_every_group_with_leader_and_measures()
    {
        var harness = await TwoActiveGroupsAsync();
        await CreateMeasureAsync(harness, "m1", "wg-a");

        var overview = await new GetSecretariatOverview(harness.Store, harness.Clock).HandleAsync(new GetSecretariatOverviewRequest { NetworkId = Callers.Network, Year = 2026 }, Callers.Secretariat(), default);

        Assert.Equal(["partnermotet", "wg-a", "wg-b"], overview.Select(o => o.Group.Id));
        var groupA = overview.Single(o => o.Group.Id == "wg-a");
        Assert.Equal("per-leader-a", groupA.Group.Leader!.PersonId);
        Assert.Equal(["m1"], groupA.Measures.Select(m => m.Id));
        await Assert.ThrowsAsync<RpcException>(() => new GetSecretariatOverview(harness.Store, harness.Clock).HandleAsync(new GetSecretariatOverviewRequest { NetworkId = Callers.Network }, Callers.Representative("per-x"), default));
    }

    [Fact]
    public async Task an_organisation_sees_where_its_own_people_take_part()
    {
        var harness = await TwoActiveGroupsAsync();
        await harness.AssignAsync("wg-b", "per-eirik", Role.Member, "org-laerer");

        var participation = await new GetOrganisationParticipation(harness.Store).HandleAsync(
            new GetOrganisationParticipationRequest { NetworkId = Callers.Network, OrganisationId = "org-laerer" }, Callers.Representative("per-eirik", "org-laerer"), default);
        var denied = await Assert.ThrowsAsync<RpcException>(() => new GetOrganisationParticipation(harness.Store).HandleAsync(
            new GetOrganisationParticipationRequest { NetworkId = Callers.Network, OrganisationId = "org-fjordvik" }, Callers.Representative("per-eirik", "org-laerer"), default));

        var group = Assert.Single(participation);
        Assert.Equal("wg-b", group.Id);
        Assert.Equal(["per-eirik"], group.Participants.Select(p => p.PersonId));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}

public sealed class SqliteActionPlanFeaturesTests(SqliteStore fixture) : ActionPlanFeaturesContract<SqliteStore>(fixture);

public sealed class PostgresActionPlanFeaturesTests(PostgresStore fixture) : ActionPlanFeaturesContract<PostgresStore>(fixture);
