using NetworkPlatform.Events;
using NetworkPlatform.Groups.Domain;
using static NetworkPlatform.Groups.Tests.Domain.GroupFactory;

namespace NetworkPlatform.Groups.Tests.Domain;

public class MeasurePolicyTests
{
    /// <summary>A measure as the aggregate makes it: created (under its parent), assigned to its group, with its status.</summary>
    private static Measure Measure(string id, string? groupId, int year = 2026, string? parent = null,
        MeasureStatus status = MeasureStatus.NotStarted)
    {
        var parentMeasure = parent is null ? null : Create(parent, year, null);
        var measure = Create(id, year, parentMeasure);
        return (groupId is null ? measure : measure.AssignTo(Working(groupId), Now)).WithStatus(status, Now);
    }

    private static Measure Create(string id, int year, Measure? parent) =>
        NetworkPlatform.Groups.Domain.Measure.Create("net-1", id, year, $"Tiltak {id}", "", parent, [], Now);

    private static Group Working(string id, GroupKind kind = GroupKind.WorkingGroup) => Active(kind, id: id);

    [Fact]
    public void each_group_owning_two_measures_meets_the_partnership_policy()
    {
        var report = MeasurePolicy.Default("net-1").Report(2026, [Working("wg-a"), Working("wg-b")],
            [Measure("m1", "wg-a"), Measure("m2", "wg-a"), Measure("m3", "wg-b"), Measure("m4", "wg-b")]);

        Assert.True(report.Compliant);
        Assert.All(report.Groups, g => Assert.Equal(MeasureCompliance.Meets, g.Compliance));
    }

    [Fact]
    public void too_few_too_many_and_unassigned_measures_are_reported()
    {
        var report = MeasurePolicy.Default("net-1").Report(2026, [Working("wg-a"), Working("wg-b")],
            [Measure("m1", "wg-a"), Measure("m2", "wg-a"), Measure("m3", "wg-a"), Measure("m4", "wg-b"), Measure("m5", null)]);

        Assert.False(report.Compliant);
        Assert.Equal(MeasureCompliance.TooMany, report.Groups.Single(g => g.GroupId == "wg-a").Compliance);
        Assert.Equal(MeasureCompliance.TooFew, report.Groups.Single(g => g.GroupId == "wg-b").Compliance);
        Assert.Equal(["m5"], report.UnassignedMeasureIds);
    }

    [Fact]
    public void sub_measures_cancelled_measures_and_other_years_do_not_count()
    {
        var report = MeasurePolicy.Default("net-1").Report(2026, [Working("wg-a")],
            [Measure("m1", "wg-a"), Measure("m2", "wg-a"), Measure("m1a", "wg-a", parent: "m1"),
             Measure("m3", "wg-a", status: MeasureStatus.Cancelled), Measure("m4", "wg-a", year: 2025)]);

        Assert.Equal(["m1", "m2"], Assert.Single(report.Groups).MeasureIds);
        Assert.True(report.Compliant);
    }

    [Fact]
    public void groups_of_kinds_outside_the_policy_and_closed_groups_are_not_reported()
    {
        var secretariat = Group.RegisterStandingBody("net-1", "secretariat", Details(GroupKind.Secretariat), Decision());
        var dissolved = Working("wg-old").Dissolve(Decision() with { Reason = "Ferdig" });

        var report = MeasurePolicy.Default("net-1").Report(2026, [secretariat, dissolved, Working("wg-a")], []);

        Assert.Equal(["wg-a"], report.Groups.Select(g => g.GroupId));
    }

    [Fact]
    public void a_measure_owned_by_a_group_that_no_longer_exists_counts_as_unassigned()
    {
        var report = MeasurePolicy.Create("net-1", 1, [GroupKind.TaskForce]).Report(2026, [], [Measure("m1", "gone")]);

        Assert.Equal(["m1"], report.UnassignedMeasureIds);
    }
}
