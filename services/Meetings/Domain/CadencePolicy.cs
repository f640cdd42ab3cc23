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

/// <summary>Held: done. Scheduled: a meeting is planned in the window. Missing: none yet, still time. Overdue: the window has passed
/// without one.</summary>
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

/// <summary>A window a requirement looks at: the group's meetings (of <see cref="OfKind"/> when set) starting in [From, Until).</summary>
public sealed record CadenceWindow(CadenceRequirementKind Kind, MeetingKind? OfKind, DateTimeOffset From, DateTimeOffset Until,
    string? PartnerMeetingId);

public static class CadenceCompliance
{
    /// <summary>
    /// What the policy requires of one group in one year, and how the group's meetings meet it at <paramref name="now"/>.
    /// </summary>
    public static CadenceReport Evaluate(
        CadencePolicy policy, string groupId, int year, TimeZoneInfo zone,
        IReadOnlyList<Meeting> groupMeetings, IReadOnlyList<Meeting> partnerMeetings, DateTimeOffset now)
    {
        var requirements = Windows(policy, year, zone, partnerMeetings).Select(window =>
        {
            var inWindow = groupMeetings
                .Where(m => m.GroupId == groupId && (window.OfKind is null || m.Kind == window.OfKind) && m.Start >= window.From
                    && m.Start < window.Until)
                .OrderBy(m => m.Start).ToList();
            return Decide(window, inWindow.FirstOrDefault(m => m.Status == MeetingStatus.Held),
                inWindow.FirstOrDefault(m => m.Status != MeetingStatus.Cancelled), now);
        });
        return new CadenceReport(groupId, year, [.. requirements]);
    }

    /// <summary>
    /// The windows the policy sets in <paramref name="year"/>: the start-up, one before each partner meeting of the year, the reporting.
    /// </summary>
    public static IReadOnlyList<CadenceWindow> Windows(CadencePolicy policy, int year, TimeZoneInfo zone,
        IReadOnlyList<Meeting> partnerMeetings)
    {
        var windows = new List<CadenceWindow>();
        var yearStart = LocalDate(zone, year, 1, 1);
        var nextYear = LocalDate(zone, year + 1, 1, 1);
        if (policy.RequireStartUp)
        {
            windows.Add(new(CadenceRequirementKind.StartUp, MeetingKind.StartUp, yearStart, LocalDate(zone, year,
                policy.StartUpBeforeMonth, policy.StartUpBeforeDay), null));
        }
        if (policy.RequireMeetingBeforePartnerMeetings)
        {
            foreach (var partnerMeeting in partnerMeetings
                         .Where(p => p.Kind == MeetingKind.PartnerMeeting && p.Status != MeetingStatus.Cancelled
                             && p.Start >= yearStart && p.Start < nextYear)
                         .OrderBy(p => p.Start))
            {
                windows.Add(new(CadenceRequirementKind.BeforePartnerMeeting, null,
                    partnerMeeting.Start.AddDays(-policy.DaysBeforePartnerMeeting), partnerMeeting.Start,
                    partnerMeeting.Id));
            }
        }
        if (policy.RequireReporting)
        {
            windows.Add(new(CadenceRequirementKind.Reporting, MeetingKind.Reporting, LocalDate(zone, year, policy.ReportingFromMonth,
                policy.ReportingFromDay), nextYear, null));
        }
        return windows;
    }

    /// <summary>
    /// A requirement's state from the first held meeting in its window and the first one not cancelled: held, else
    /// scheduled, else missing until the window has passed, then overdue.
    /// </summary>
    public static CadenceRequirement Decide(CadenceWindow window, Meeting? firstHeld, Meeting? firstLive, DateTimeOffset now) =>
        (firstHeld ?? firstLive) is { } meeting
            ? new(window.Kind, window.From, window.Until, firstHeld is null ? CadenceState.Scheduled : CadenceState.Held, meeting.Id,
                window.PartnerMeetingId)
            : new(window.Kind, window.From, window.Until, now >= window.Until ? CadenceState.Overdue : CadenceState.Missing, null,
                window.PartnerMeetingId);

    private static DateTimeOffset LocalDate(TimeZoneInfo zone, int year, int month, int day)
    {
        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
