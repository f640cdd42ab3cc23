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
/// Read from the groups' year figures, which hold the tallies per group, organisation and person.
/// </summary>
public static class AttendanceFigures
{
    public static Rate Overall(IEnumerable<GroupYearFigures> groups) => groups.Aggregate(new Rate(0, 0), (sum,
        g) => sum.Add(new Rate(g.Present, g.Recorded)));

    /// <summary>Groups with recorded attendance.</summary>
    public static IReadOnlyDictionary<string, Rate> ByGroup(IEnumerable<GroupYearFigures> groups) =>
        groups.Where(g => g.Recorded > 0).ToDictionary(g => g.GroupId, g => new Rate(g.Present, g.Recorded), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, Rate> ByOrganisation(IEnumerable<GroupYearFigures> groups) =>
        Sum(groups.SelectMany(g => g.Organisations.Select(o => (o.Key, new Rate(o.Value.Present, o.Value.Recorded)))));

    public static IReadOnlyDictionary<string, Rate> ByPerson(IEnumerable<GroupYearFigures> groups) =>
        Sum(groups.SelectMany(g => g.Members.Select(m => (m.Key, new Rate(m.Value.Present, m.Value.Recorded)))));

    private static Dictionary<string, Rate> Sum(IEnumerable<(string Key, Rate Rate)> parts)
    {
        var rates = new Dictionary<string, Rate>(StringComparer.Ordinal);
        foreach (var (key, rate) in parts)
        {
            rates[key] = rates.GetValueOrDefault(key).Add(rate);
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
/// (absent, not excused) each of the last two held meetings of the period they have attendance at. External participants
/// (experts, state actors) are not members and count in neither.
/// </summary>
public static class DropOutFigures
{
    public static IReadOnlyList<GroupDropOut> Compute(IEnumerable<ParticipationFact> participations, IEnumerable<GroupYearFigures> groups,
        ReportingPeriod period)
    {
        var members = groups.ToDictionary(g => g.GroupId, g => g.Members, StringComparer.Ordinal);
        return participations
            .Where(p => !p.External && p.JoinedAt < period.To && (p.LeftAt is null || p.LeftAt >= period.From))
            .GroupBy(p => p.GroupId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var tallies = members.GetValueOrDefault(group.Key) ?? new Dictionary<string, MemberTally>();
                var left = group.Where(p => p.LeftAt is { } leftAt && period.Contains(leftAt))
                    .Select(p => p.PersonId).Distinct().Order(StringComparer.Ordinal).ToList();
                var stillIn = group.Where(p => p.LeftAt is null || p.LeftAt >= period.To).Select(p => p.PersonId).Distinct();
                var stopped = stillIn.Where(person
                    => tallies.GetValueOrDefault(person)?.StoppedComing == true).Order(StringComparer.Ordinal).ToList();
                var participants = group.Select(p => p.PersonId).Distinct().Count();
                return new GroupDropOut(group.Key, participants, left, stopped);
            })
            .ToList();
    }
}

/// <summary>
/// Minutes of held meetings in the period: how many published, how late (days from the meeting's start, as counts per value).
/// </summary>
public sealed record DocumentationFigures(int HeldMeetings, int WithPublishedMinutes, IReadOnlyList<(double Days,
    int Meetings)> DaysToPublish, int PublishedLate)
{
    /// <summary>Share of held meetings whose minutes are published.</summary>
    public Rate Documented => new(WithPublishedMinutes, HeldMeetings);

    public double? MedianDaysToPublish => WithPublishedMinutes == 0
        ? null
        : WithPublishedMinutes % 2 == 1 ? Nth(WithPublishedMinutes / 2) : (Nth((WithPublishedMinutes / 2) - 1)
            + Nth(WithPublishedMinutes / 2)) / 2;

    public double? MaxDaysToPublish => DaysToPublish.Count == 0 ? null : DaysToPublish[^1].Days;

    public static DocumentationFigures Compute(IEnumerable<GroupYearFigures> groups)
    {
        var list = groups.ToList();
        var days = list.SelectMany(g => g.DaysToPublish)
            .GroupBy(d => double.Parse(d.Key, System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => (Days: d.Key, Meetings: d.Sum(x => x.Value)))
            .OrderBy(d => d.Days)
            .ToList();
        return new DocumentationFigures(list.Sum(g => g.Held), list.Sum(g => g.WithMinutes), days, list.Sum(g => g.PublishedLate));
    }

    /// <summary>The n-th (0-based) smallest value, walking the counts.</summary>
    private double Nth(int n)
    {
        foreach (var (days, meetings) in DaysToPublish)
        {
            if (n < meetings)
            {
                return days;
            }
            n -= meetings;
        }
        throw new InvalidOperationException("The days-to-publish counts add up to fewer meetings than have published minutes.");
    }
}

public sealed record TimeInvested(string OrganisationId, decimal HoursSetAside, decimal HoursInMeetings)
{
    public decimal? Share => HoursSetAside == 0 ? null : Math.Round(HoursInMeetings / HoursSetAside, 4);
}

/// <summary>Hours organisations set aside for their representatives (per month, pro rata) against hours spent in held meetings
/// attended.</summary>
public static class TimeInvestedFigures
{
    public static IReadOnlyList<TimeInvested> Compute(IEnumerable<AppointmentFact> appointments, IEnumerable<GroupYearFigures> groups,
        ReportingPeriod period)
    {
        var setAside = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var appointment in appointments)
        {
            setAside[appointment.OrganisationId] = setAside.GetValueOrDefault(appointment.OrganisationId)
                + (appointment.HoursPerMonth * MonthsWithin(appointment, period));
        }
        var attended = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (organisationId, tally) in groups.SelectMany(g => g.Organisations).Where(o => o.Value.Present > 0))
        {
            attended[organisationId] = attended.GetValueOrDefault(organisationId) + tally.HoursInMeetings;
        }
        return setAside.Keys.Union(attended.Keys).Order(StringComparer.Ordinal)
            .Select(org => new TimeInvested(org, Math.Round(setAside.GetValueOrDefault(org), 2),
                Math.Round(attended.GetValueOrDefault(org), 2)))
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
