using NetworkPlatform.Events;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Groups.Domain;
using static NetworkPlatform.Groups.Tests.Domain.GroupFactory;

namespace NetworkPlatform.Groups.Tests.Domain;

public class MeasureTests
{
    private static Measure NewMeasure(Measure? parent = null) =>
        Measure.Create("net-1", "m1", 2026, "Felles kampanje", "", parent, [new Milestone("plan", "Plan klar", new DateOnly(2026, 3, 1),
            null, null)], Now);

    [Fact]
    public void reaching_a_milestone_records_who_and_moves_a_planned_measure_in_progress()
    {
        var measure = NewMeasure().ReachMilestone("plan", "leader", Now);

        Assert.Equal("leader", measure.Milestones[0].ReachedBy);
        Assert.Equal(MeasureStatus.OnTrack, measure.Status);
        Assert.Throws<RuleViolationException>(() => measure.ReachMilestone("plan", "leader", Now));
        Assert.Throws<NotFoundException>(() => measure.ReachMilestone("nope", "leader", Now));
    }

    [Fact]
    public void a_sub_measure_belongs_to_a_top_level_measure_of_the_same_year()
    {
        var parent = NewMeasure();

        Assert.Equal("m1", Measure.Create("net-1", "m1a", 2026, "Del", "", parent, [], Now).ParentMeasureId);
        Assert.Throws<InvalidFieldsException>(() => Measure.Create("net-1", "m1a", 2027, "Del", "", parent, [], Now));
    }

    [Fact]
    public void a_measure_cannot_go_to_a_dissolved_group()
    {
        var dissolved = Active().Dissolve(Decision() with { Reason = "Ferdig" });

        Assert.Throws<RuleViolationException>(() => NewMeasure().AssignTo(dissolved, Now));
    }

    [Fact]
    public void annual_wheel_activities_must_name_measures_of_the_same_year_and_valid_months()
    {
        var group = Active();
        var measure = NewMeasure();
        var wheel = AnnualWheel.Plan("net-1", group, 2026,
            [new PlannedActivity("startup", 1, "Oppstartsmøte", "", ["m1"], null), new PlannedActivity("report", 12, "Rapportering", "", [],
                null)], [measure], Now);

        Assert.Equal(2, wheel.Activities.Count);
        var error = Assert.Throws<InvalidFieldsException>(() => AnnualWheel.Plan("net-1", group, 2027,
            [new PlannedActivity("a", 13, "X", "", ["m1"], null)], [measure], Now));
        Assert.Contains(error.Violations, e => e.Field == "activities[0].month");
        Assert.Contains(error.Violations, e => e.Field == "activities[0].measure_ids");
    }
}
