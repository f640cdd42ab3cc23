namespace NetworkPlatform.Reporting.Domain;

/// <summary>A half-open time range [From, To).</summary>
public sealed record ReportingPeriod(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset time) => time >= From && time < To;

    public static ReportingPeriod Year(int year) =>
        new(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero));
}

/// <summary>A ratio kept as its parts, so figures add up exactly and an empty denominator is "no data", not zero.</summary>
public readonly record struct Rate(int Numerator, int Denominator)
{
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;

    public Rate Add(Rate other) => new(Numerator + other.Numerator, Denominator + other.Denominator);
}

/// <summary>
/// Attendance rate: present / recorded attendance entries of held meetings in the period. Excused absences count as
/// not present (the network's risk in 001 is teams not showing up, whatever the reason); they are reported apart too.
/// </summary>
public static class AttendanceFigures
{
    public static IReadOnlyDictionary<string, Rate> ByGroup(IEnumerable<MeetingFact> meetings, ReportingPeriod period) =>
        Tally(meetings, period, (meeting, _) => meeting.GroupId);

    public static IReadOnlyDictionary<string, Rate> ByOrganisation(IEnumerable<MeetingFact> meetings, ReportingPeriod period) =>
        Tally(meetings, period, (_, entry) => entry.OrganisationId);

    public static IReadOnlyDictionary<string, Rate> ByPerson(IEnumerable<MeetingFact> meetings, ReportingPeriod period) =>
        Tally(meetings, period, (_, entry) => entry.PersonId);

    public static Rate Overall(IEnumerable<MeetingFact> meetings, ReportingPeriod period) =>
        ByGroup(meetings, period).Values.Aggregate(new Rate(0, 0), (sum, rate) => sum.Add(rate));

    public static IEnumerable<MeetingFact> HeldIn(this IEnumerable<MeetingFact> meetings, ReportingPeriod period) =>
        meetings.Where(m => m.State == MeetingState.Held && period.Contains(m.StartsAt));

    private static Dictionary<string, Rate> Tally(IEnumerable<MeetingFact> meetings, ReportingPeriod period, Func<MeetingFact, AttendanceEntry, string> key)
    {
        var rates = new Dictionary<string, Rate>(StringComparer.Ordinal);
        foreach (var meeting in meetings.HeldIn(period))
        {
            foreach (var entry in meeting.Attendance)
            {
                var k = key(meeting, entry);
                rates[k] = rates.GetValueOrDefault(k).Add(new Rate(entry.Status == AttendanceStatus.Present ? 1 : 0, 1));
            }
        }
        return rates;
    }
}

public sealed record GroupDropOut(string GroupId, int Participants, IReadOnlyList<string> Left, IReadOnlyList<string> StoppedComing)
{
    /// <summary>(left + stopped coming) / participants during the period.</summary>
    public Rate Rate => new(Left.Count + StoppedComing.Count, Participants);
}

/// <summary>
/// Drop-out per group: participants who left during the period, and participants still in the group who missed
/// (absent, not excused) each of the group's last <c>missedInARow</c> held meetings of the period.
/// </summary>
public static class DropOutFigures
{
    public static IReadOnlyList<GroupDropOut> Compute(IEnumerable<ParticipationFact> participations, IEnumerable<MeetingFact> meetings, ReportingPeriod period, int missedInARow = 2)
    {
        var heldByGroup = meetings.HeldIn(period).GroupBy(m => m.GroupId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.StartsAt).ToList(), StringComparer.Ordinal);
        return participations
            .Where(p => p.JoinedAt < period.To && (p.LeftAt is null || p.LeftAt >= period.From))
            .GroupBy(p => p.GroupId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var held = heldByGroup.GetValueOrDefault(group.Key) ?? [];
                var left = group.Where(p => p.LeftAt is { } leftAt && period.Contains(leftAt)).Select(p => p.PersonId).Distinct().Order(StringComparer.Ordinal).ToList();
                var stillIn = group.Where(p => p.LeftAt is null || p.LeftAt >= period.To).Select(p => p.PersonId).Distinct();
                var stopped = stillIn.Where(person => MissedLast(held, person, missedInARow)).Order(StringComparer.Ordinal).ToList();
                var participants = group.Select(p => p.PersonId).Distinct().Count();
                return new GroupDropOut(group.Key, participants, left, stopped);
            })
            .ToList();
    }

    private static bool MissedLast(List<MeetingFact> held, string personId, int count)
    {
        var invitedTo = held.Where(m => m.Attendance.Any(a => a.PersonId == personId)).TakeLast(count).ToList();
        return invitedTo.Count == count && invitedTo.All(m => m.Attendance.First(a => a.PersonId == personId).Status == AttendanceStatus.Absent);
    }
}

public sealed record DocumentationFigures(int HeldMeetings, int WithPublishedMinutes, IReadOnlyList<double> DaysToPublish, int PublishedLate)
{
    /// <summary>Share of held meetings whose minutes are published.</summary>
    public Rate Documented => new(WithPublishedMinutes, HeldMeetings);

    public double? MedianDaysToPublish => Median(DaysToPublish);

    public double? MaxDaysToPublish => DaysToPublish.Count == 0 ? null : DaysToPublish.Max();

    /// <summary>Minutes of held meetings in the period: how many published, how late (days from the meeting's start).</summary>
    public static DocumentationFigures Compute(IEnumerable<MeetingFact> meetings, ReportingPeriod period, double lateAfterDays = 14)
    {
        var held = meetings.HeldIn(period).ToList();
        var days = held.Where(m => m.MinutesPublishedAt is not null)
            .Select(m => Math.Round((m.MinutesPublishedAt!.Value - m.StartsAt).TotalDays, 2))
            .Order()
            .ToList();
        return new DocumentationFigures(held.Count, days.Count, days, days.Count(d => d > lateAfterDays));
    }

    private static double? Median(IReadOnlyList<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };
}

public sealed record TimeInvested(string OrganisationId, decimal HoursSetAside, decimal HoursInMeetings)
{
    public decimal? Share => HoursSetAside == 0 ? null : Math.Round(HoursInMeetings / HoursSetAside, 4);
}

/// <summary>Hours organisations set aside for their representatives (per month, pro rata) against hours spent in held meetings attended.</summary>
public static class TimeInvestedFigures
{
    public static IReadOnlyList<TimeInvested> Compute(IEnumerable<AppointmentFact> appointments, IEnumerable<MeetingFact> meetings, ReportingPeriod period)
    {
        var setAside = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var appointment in appointments)
        {
            setAside[appointment.OrganisationId] = setAside.GetValueOrDefault(appointment.OrganisationId) + (appointment.HoursPerMonth * MonthsWithin(appointment, period));
        }
        var attended = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var meeting in meetings.HeldIn(period))
        {
            foreach (var entry in meeting.Attendance.Where(a => a.Status == AttendanceStatus.Present))
            {
                attended[entry.OrganisationId] = attended.GetValueOrDefault(entry.OrganisationId) + (decimal)meeting.Duration.TotalHours;
            }
        }
        return setAside.Keys.Union(attended.Keys).Order(StringComparer.Ordinal)
            .Select(org => new TimeInvested(org, Math.Round(setAside.GetValueOrDefault(org), 2), Math.Round(attended.GetValueOrDefault(org), 2)))
            .ToList();
    }

    /// <summary>Months of the appointment inside the period, counting partial months by their days.</summary>
    internal static decimal MonthsWithin(AppointmentFact appointment, ReportingPeriod period)
    {
        var from = Max(appointment.Start, DateOnly.FromDateTime(period.From.UtcDateTime));
        var to = Min(appointment.End ?? DateOnly.MaxValue, DateOnly.FromDateTime(period.To.UtcDateTime));
        decimal months = 0;
        for (var month = new DateOnly(from.Year, from.Month, 1); month < to; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            var days = Min(next, to).DayNumber - Max(month, from).DayNumber;
            months += (decimal)days / (next.DayNumber - month.DayNumber);
        }
        return months;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
