using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// Keeps the group-year figures and the attendance marks in step with a change to a meeting fact, in the same unit of
/// work: the meeting's old part is taken away and its new part added, so the figures read what the facts say without
/// reading the facts.
/// </summary>
internal static class MeetingFigures
{
    public static async Task ApplyAsync(IUnitOfWork uow, string net, MeetingFact? before, MeetingFact after, CancellationToken ct)
    {
        var old = MeetingContribution.Of(before);
        var now = MeetingContribution.Of(after);
        if (before == after || (old is null && now is null))
        {
            return;
        }
        // Marks first: a member whose latest marks lose one reads them again, and must find the new ones.
        await WriteMarksAsync(uow, net, old?.Marks ?? [], now?.Marks ?? [], ct);
        foreach (var (groupId, year) in new[] { old, now }.OfType<MeetingContribution>().Select(c => (c.GroupId, c.Year)).Distinct())
        {
            await ChangeAsync(uow, net, groupId, year, async figures =>
            {
                IReadOnlyList<string> refill = [];
                if (old is not null && (old.GroupId, old.Year) == (groupId, year))
                {
                    figures = figures.With(old, -1);
                    refill = [.. figures.LatestToRefill];
                }
                if (now is not null && (now.GroupId, now.Year) == (groupId, year))
                {
                    figures = figures.With(now, +1);
                }
                foreach (var personId in refill.Where(figures.Members.ContainsKey))
                {
                    figures = figures.WithLatest(personId, await LatestMarksAsync(uow, net, groupId, personId, year, ct));
                }
                return figures;
            }, ct);
        }
    }

    /// <summary>A cadence breach of a group's year, counted once (the caller stores the breach fact once).</summary>
    public static Task CountBreachAsync(IUnitOfWork uow, string net, string groupId, int year, CancellationToken ct) =>
        ChangeAsync(uow, net, groupId, year, figures => Task.FromResult(figures.WithBreach()),
            ct);

    private static async Task ChangeAsync(IUnitOfWork uow, string net, string groupId, int year, Func<GroupYearFigures,
        Task<GroupYearFigures>> change, CancellationToken ct)
    {
        var stored = await uow.GetAsync(ReportingCollections.GroupYears, net, GroupYearFigures.IdFor(groupId, year), ct);
        var changed = await change(stored?.Document ?? GroupYearFigures.Empty(groupId, year));
        if (stored is null)
        {
            await uow.InsertAsync(ReportingCollections.GroupYears, net, changed, ct);
        }
        else
        {
            await uow.ReplaceAsync(ReportingCollections.GroupYears, net, changed, stored.Version, ct);
        }
    }

    private static async Task WriteMarksAsync(IUnitOfWork uow, string net, IReadOnlyList<AttendanceMark> before,
        IReadOnlyList<AttendanceMark> after, CancellationToken ct)
    {
        var kept = after.ToDictionary(m => m.MarkId, StringComparer.Ordinal);
        var had = before.ToDictionary(m => m.MarkId, StringComparer.Ordinal);
        foreach (var mark in before.Where(m => kept.GetValueOrDefault(m.MarkId) != m))
        {
            var stored = await uow.GetAsync(ReportingCollections.AttendanceMarks, net, mark.MarkId, ct);
            if (stored is not null && !kept.ContainsKey(mark.MarkId))
            {
                await uow.DeleteAsync(ReportingCollections.AttendanceMarks, net, mark.MarkId, stored.Version, ct);
            }
            else if (stored is not null)
            {
                await uow.ReplaceAsync(ReportingCollections.AttendanceMarks, net, kept[mark.MarkId], stored.Version, ct);
            }
        }
        foreach (var mark in after.Where(m => !had.ContainsKey(m.MarkId)))
        {
            await uow.InsertAsync(ReportingCollections.AttendanceMarks, net, mark, ct);
        }
    }

    /// <summary>A person's last two marks in a group's year, oldest first.</summary>
    private static async Task<IReadOnlyList<AttendanceMark>> LatestMarksAsync(IUnitOfWork uow, string net, string groupId,
        string personId, int year, CancellationToken ct)
    {
        var query = ReportingCollections.AttendanceMarks.Query()
            .Where(m => m.GroupId, groupId).Where(m => m.PersonId, personId).Where(m => m.Year, year)
            .OrderBy(m => m.StartsAt, descending: true).Page(2);
        return [.. (await uow.QueryAsync(ReportingCollections.AttendanceMarks, net, query, ct)).Items.Select(m => m.Document).Reverse()];
    }
}
