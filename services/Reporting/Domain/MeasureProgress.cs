using NetworkPlatform.Events;

namespace NetworkPlatform.Reporting.Domain;

public sealed record MeasureProgressFigure(string MeasureId, string Title, string? GroupId, decimal Percent, MeasureStatus Status,
    bool IsLate, bool RolledUp);

/// <summary>
/// Progress of measures: a measure with sub-measures takes the weighted mean of its children's progress (recursively);
/// a leaf takes the percent of its latest report. The status agrees with the percent: 100 % is Done; a leaf says what
/// its latest report says; a measure with sub-measures takes the worst status among its sub-measures still under way
/// (Late, then AtRisk, else OnTrack), NotStarted only while nothing has progressed. A measure is late when its status is
/// Late, or when its due date has passed before it reached 100 %.
/// </summary>
public static class MeasureProgressFigures
{
    public static IReadOnlyList<MeasureProgressFigure> Compute(IReadOnlyCollection<MeasureFact> measures, DateOnly today)
    {
        var byId = measures.ToDictionary(m => m.MeasureId, StringComparer.Ordinal);
        var children = measures.Where(m => m.ParentMeasureId is not null && byId.ContainsKey(m.ParentMeasureId))
            .ToLookup(m => m.ParentMeasureId!, StringComparer.Ordinal);
        var memo = new Dictionary<string, decimal>(StringComparer.Ordinal);

        decimal Percent(MeasureFact measure, HashSet<string> path)
        {
            if (memo.TryGetValue(measure.MeasureId, out var known))
            {
                return known;
            }
            if (!path.Add(measure.MeasureId))
            {
                throw new InvalidOperationException(
                    $"Measure {measure.MeasureId} is its own ancestor; fix the parent of one of {string.Join(", ", path)}.");
            }
            var subs = children[measure.MeasureId].ToList();
            decimal percent;
            if (subs.Count == 0)
            {
                percent = Latest(measure)?.Percent ?? 0;
            }
            else
            {
                var totalWeight = subs.Sum(s => s.Weight);
                percent = totalWeight > 0
                    ? subs.Sum(s => s.Weight * Percent(s, path)) / totalWeight
                    : subs.Average(s => Percent(s, path));
            }
            path.Remove(measure.MeasureId);
            return memo[measure.MeasureId] = Math.Round(percent, 2);
        }

        MeasureStatus Status(MeasureFact measure)
        {
            var percent = Percent(measure, []);
            var subs = children[measure.MeasureId].ToList();
            if (percent >= 100)
            {
                return MeasureStatus.Done;
            }
            if (subs.Count == 0)
            {
                return Latest(measure)?.Status ?? MeasureStatus.NotStarted;
            }
            var statuses = subs.Select(Status).ToList();
            return statuses.Contains(MeasureStatus.Late) ? MeasureStatus.Late
                : statuses.Contains(MeasureStatus.AtRisk) ? MeasureStatus.AtRisk
                : percent > 0 || statuses.Contains(MeasureStatus.OnTrack) ? MeasureStatus.OnTrack
                : statuses.All(s => s == MeasureStatus.Cancelled) ? MeasureStatus.Cancelled
                : MeasureStatus.NotStarted;
        }

        return measures.OrderBy(m => m.MeasureId, StringComparer.Ordinal).Select(measure =>
        {
            var percent = Percent(measure, []);
            var status = Status(measure);
            var late = status == MeasureStatus.Late || (percent < 100 && measure.DueDate is { } due && due < today);
            return new MeasureProgressFigure(measure.MeasureId, measure.Title, measure.GroupId, percent, status, late,
                children[measure.MeasureId].Any());
        }).ToList();
    }

    private static ProgressReport? Latest(MeasureFact measure) =>
        measure.Reports.OrderBy(r => r.PeriodEnd).ThenBy(r => r.SubmittedAt).LastOrDefault();
}

public sealed record BudgetFigure(string GroupId, int Year, decimal BaseGrant, decimal Granted, decimal Pending, decimal Spent,
    bool AccountsSignedOff)
{
    /// <summary>What the group may spend: the base grant plus approved partner-fund money.</summary>
    public decimal Budget => BaseGrant + Granted;

    public decimal Remaining => Budget - Spent;

    public static BudgetFigure From(GroupAccounts accounts) => new(
        accounts.GroupId,
        accounts.Year,
        accounts.BaseGrant,
        accounts.FundApplications.Where(a => a.State == FundApplicationState.Approved).Sum(a => a.AmountGranted),
        accounts.FundApplications.Where(a => a.State == FundApplicationState.Submitted).Sum(a => a.AmountRequested),
        accounts.Expenses.Sum(e => e.Amount),
        accounts.SignedOffBy is not null);
}

public sealed record LearningSummary(LearningKind Kind, int Activities, decimal Hours, int Participants);

public static class LearningFigures
{
    public static IReadOnlyList<LearningSummary> Summarise(IEnumerable<LearningActivity> activities, DateOnly from, DateOnly to) =>
        activities.Where(a => a.Date >= from && a.Date < to)
            .GroupBy(a => a.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new LearningSummary(g.Key, g.Count(), g.Sum(a => a.Hours), g.Sum(a => a.Participants)))
            .ToList();
}
