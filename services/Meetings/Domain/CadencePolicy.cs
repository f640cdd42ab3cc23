namespace NetworkPlatform.Meetings.Domain;

/// <summary>
/// How often a group must meet (seed 003 default: a start-up meeting early in the year, a meeting before each partner
/// meeting, a reporting meeting at the end of the year). Dates are local dates in the network's time zone.
/// </summary>
public sealed record CadencePolicy
{
    public bool RequireStartUp { get; init; } = true;

    /// <summary>The start-up meeting must take place before this day of the year (default 1 March).</summary>
    public int StartUpBeforeMonth { get; init; } = 3;

    public int StartUpBeforeDay { get; init; } = 1;

    public bool RequireMeetingBeforePartnerMeetings { get; init; } = true;

    /// <summary>How many days before a partner meeting the group's meeting may be (default six weeks).</summary>
    public int DaysBeforePartnerMeeting { get; init; } = 42;

    public bool RequireReporting { get; init; } = true;

    /// <summary>The reporting meeting takes place from this day to the end of the year (default 1 November).</summary>
    public int ReportingFromMonth { get; init; } = 11;

    public int ReportingFromDay { get; init; } = 1;

    public static CadencePolicy Default { get; } = new();
}

public enum CadenceRequirementKind
{
    StartUp,
    BeforePartnerMeeting,
    Reporting,
}

/// <summary>Held: done. Scheduled: a meeting is planned in the window. Missing: none yet, still time. Overdue: the window has passed without one.</summary>
public enum CadenceState
{
    Held,
    Scheduled,
    Missing,
    Overdue,
}

public sealed record CadenceRequirement(
    CadenceRequirementKind Kind,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    CadenceState State,
    string? MeetingId,
    string? PartnerMeetingId)
{
    /// <summary>Stable identity of a requirement within a group's year, so a breach is reported once.</summary>
    public string Key => PartnerMeetingId is null ? $"{Kind}" : $"{Kind}:{PartnerMeetingId}";
}

public sealed record CadenceReport(string GroupId, int Year, IReadOnlyList<CadenceRequirement> Requirements)
{
    public bool Compliant => Requirements.All(r => r.State is CadenceState.Held or CadenceState.Scheduled);
}

public static class CadenceCompliance
{
    /// <summary>What the policy requires of one group in one year, and how the group's meetings meet it at <paramref name="now"/>.</summary>
    public static CadenceReport Evaluate(
        CadencePolicy policy, string groupId, int year, TimeZoneInfo zone,
        IReadOnlyList<Meeting> groupMeetings, IReadOnlyList<Meeting> partnerMeetings, DateTimeOffset now)
    {
        var live = groupMeetings.Where(m => m.GroupId == groupId && m.Status != MeetingStatus.Cancelled).ToList();
        var requirements = new List<CadenceRequirement>();
        var yearStart = LocalDate(zone, year, 1, 1);
        var nextYear = LocalDate(zone, year + 1, 1, 1);

        if (policy.RequireStartUp)
        {
            requirements.Add(Requirement(CadenceRequirementKind.StartUp, yearStart, LocalDate(zone, year, policy.StartUpBeforeMonth, policy.StartUpBeforeDay),
                live.Where(m => m.Kind == MeetingKind.StartUp), null, now));
        }
        if (policy.RequireMeetingBeforePartnerMeetings)
        {
            foreach (var partnerMeeting in partnerMeetings
                         .Where(p => p.Kind == MeetingKind.PartnerMeeting && p.Status != MeetingStatus.Cancelled && p.Start >= yearStart && p.Start < nextYear)
                         .OrderBy(p => p.Start))
            {
                requirements.Add(Requirement(CadenceRequirementKind.BeforePartnerMeeting, partnerMeeting.Start.AddDays(-policy.DaysBeforePartnerMeeting), partnerMeeting.Start,
                    live, partnerMeeting.Id, now));
            }
        }
        if (policy.RequireReporting)
        {
            requirements.Add(Requirement(CadenceRequirementKind.Reporting, LocalDate(zone, year, policy.ReportingFromMonth, policy.ReportingFromDay), nextYear,
                live.Where(m => m.Kind == MeetingKind.Reporting), null, now));
        }
        return new CadenceReport(groupId, year, requirements);
    }

    private static CadenceRequirement Requirement(CadenceRequirementKind kind, DateTimeOffset from, DateTimeOffset until, IEnumerable<Meeting> candidates, string? partnerMeetingId, DateTimeOffset now)
    {
        var inWindow = candidates.Where(m => m.Start >= from && m.Start < until).OrderBy(m => m.Start).ToList();
        var held = inWindow.FirstOrDefault(m => m.Status == MeetingStatus.Held);
        if (held is not null)
        {
            return new(kind, from, until, CadenceState.Held, held.Id, partnerMeetingId);
        }
        var planned = inWindow.FirstOrDefault();
        if (planned is not null)
        {
            return new(kind, from, until, CadenceState.Scheduled, planned.Id, partnerMeetingId);
        }
        return new(kind, from, until, now >= until ? CadenceState.Overdue : CadenceState.Missing, null, partnerMeetingId);
    }

    private static DateTimeOffset LocalDate(TimeZoneInfo zone, int year, int month, int day)
    {
        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
