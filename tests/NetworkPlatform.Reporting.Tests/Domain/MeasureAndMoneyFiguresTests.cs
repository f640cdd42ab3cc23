using NetworkPlatform.Events;
using NetworkPlatform.Reporting.Domain;

namespace NetworkPlatform.Reporting.Tests.Domain;

public class MeasureAndMoneyFiguresTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void progress_rolls_up_from_sub_measures_by_weight()
    {
        MeasureFact[] measures =
        [
            Measure("t1", parent: null, weight: 1),
            Measure("t1.1", parent: "t1", weight: 3, Report(MeasureStatus.OnTrack, 80)),
            Measure("t1.2", parent: "t1", weight: 1, Report(MeasureStatus.AtRisk, 20)),
            Measure("t1.2.1", parent: "t1.2", weight: 1, Report(MeasureStatus.OnTrack, 40)),
            Measure("t1.2.2", parent: "t1.2", weight: 1, Report(MeasureStatus.OnTrack, 60)),
        ];

        var figures = MeasureProgressFigures.Compute(measures, Today).ToDictionary(f => f.MeasureId);

        // t1.2 rolls up its children (40+60)/2 = 50, ignoring its own 20 %; t1 = (3*80 + 1*50) / 4 = 72.5.
        Assert.Equal(50m, figures["t1.2"].Percent);
        Assert.True(figures["t1.2"].RolledUp);
        Assert.Equal(72.5m, figures["t1"].Percent);
        Assert.False(figures["t1.1"].RolledUp);
    }

    [Fact]
    public void a_rolled_up_measure_takes_its_status_from_its_sub_measures_and_agrees_with_its_percent()
    {
        MeasureFact[] measures =
        [
            Measure("a", parent: null, weight: 1),
            Measure("a.1", parent: "a", weight: 1, Report(MeasureStatus.OnTrack, 80)),
            Measure("a.2", parent: "a", weight: 1),
            Measure("b", parent: null, weight: 1),
            Measure("b.1", parent: "b", weight: 1, Report(MeasureStatus.Late, 10)),
            Measure("b.2", parent: "b", weight: 1, Report(MeasureStatus.AtRisk, 30)),
            Measure("c", parent: null, weight: 1),
            Measure("c.1", parent: "c", weight: 1),
            Measure("d", parent: null, weight: 1),
            Measure("d.1", parent: "d", weight: 1, Report(MeasureStatus.Done, 100)),
        ];

        var figures = MeasureProgressFigures.Compute(measures, Today).ToDictionary(f => f.MeasureId);

        // 40 % done is under way, not NotStarted; the worst sub-measure decides; nothing reported yet is NotStarted.
        Assert.Equal((40m, MeasureStatus.OnTrack), (figures["a"].Percent, figures["a"].Status));
        Assert.Equal((MeasureStatus.Late, true), (figures["b"].Status, figures["b"].IsLate));
        Assert.Equal((0m, MeasureStatus.NotStarted), (figures["c"].Percent, figures["c"].Status));
        Assert.Equal(MeasureStatus.Done, figures["d"].Status);
    }

    [Fact]
    public void the_latest_report_counts_and_a_passed_due_date_under_100_percent_is_late()
    {
        var measure = Measure("t2", null, 1,
            Report(MeasureStatus.OnTrack, 30, periodEnd: new(2026, 3, 31)),
            Report(MeasureStatus.OnTrack, 60, periodEnd: new(2026, 6, 30))) with { DueDate = new DateOnly(2026, 9, 1) };

        var figure = Assert.Single(MeasureProgressFigures.Compute([measure], Today));

        Assert.Equal(60m, figure.Percent);
        Assert.True(figure.IsLate);
    }

    [Fact]
    public void a_measure_that_is_its_own_ancestor_is_reported_not_looped()
    {
        MeasureFact[] measures = [Measure("a", "b", 1), Measure("b", "a", 1)];
        var error = Assert.Throws<InvalidOperationException>(() => MeasureProgressFigures.Compute(measures, Today));
        Assert.Contains("its own ancestor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void budget_is_base_grant_plus_approved_fund_money_against_expenses()
    {
        var accounts = GroupAccounts.Open("net", "wg-1", 2026)
            .SetBaseGrant(20_000m)
            .Submit(new("f1", "Seminar", 15_000m, FundApplicationState.Submitted, 0m, DateTimeOffset.UnixEpoch, null))
            .Submit(new("f2", "Film", 8_000m, FundApplicationState.Submitted, 0m, DateTimeOffset.UnixEpoch, null))
            .Submit(new("f3", "Travel", 5_000m, FundApplicationState.Submitted, 0m, DateTimeOffset.UnixEpoch, null))
            .Decide("f1", approved: true, 10_000m, DateTimeOffset.UnixEpoch)
            .Decide("f2", approved: false, 0m, DateTimeOffset.UnixEpoch)
            .Record(new("e1", new DateOnly(2026, 2, 1), 12_500m, "Venue", null))
            .Record(new("e2", new DateOnly(2026, 5, 1), 4_250.50m, "Catering", "t1"));

        var budget = BudgetFigure.From(accounts);

        Assert.Equal(30_000m, budget.Budget);
        Assert.Equal(10_000m, budget.Granted);
        Assert.Equal(5_000m, budget.Pending);
        Assert.Equal(16_750.50m, budget.Spent);
        Assert.Equal(13_249.50m, budget.Remaining);
        Assert.False(budget.AccountsSignedOff);
    }

    [Fact]
    public void learning_activities_are_summarised_by_kind_within_dates()
    {
        LearningActivity[] activities =
        [
            LearningActivity.Log("net", "l1", LearningKind.ReflectionGroup, "org-a", null, new DateOnly(2026, 2, 1), 1.5m, 6,
                "Case reflection"),
            LearningActivity.Log("net", "l2", LearningKind.ReflectionGroup, "org-b", null, new DateOnly(2026, 3, 1), 2m, 4, "Ethics"),
            LearningActivity.Log("net", "l3", LearningKind.MentorScheme, "org-a", null, new DateOnly(2026, 3, 5), 10m, 2, "New nurses"),
            LearningActivity.Log("net", "l4", LearningKind.JobRotation, "org-a", null, new DateOnly(2025, 12, 5), 40m, 1, "Last year"),
        ];

        var summary = LearningFigures.Summarise(activities, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));

        Assert.Equal(
            [new LearningSummary(LearningKind.ReflectionGroup, 2, 3.5m, 10), new LearningSummary(LearningKind.MentorScheme, 1, 10m, 2)],
            summary);
    }

    private static MeasureFact Measure(string id, string? parent, decimal weight, params ProgressReport[] reports) =>
        new("net", id, "Measure " + id, 2026, "wg-1", parent, weight, null, reports);

    private static ProgressReport Report(MeasureStatus status, int percent, DateOnly? periodEnd = null) =>
        new(Guid.NewGuid().ToString(), new DateOnly(2026, 1, 1), periodEnd ?? new DateOnly(2026, 6, 30), status, percent, "", "leader",
            DateTimeOffset.UnixEpoch);
}
