using System.Globalization;

namespace NetworkPlatform.Reporting.Domain;

/// <summary>
/// One person's attendance at one held meeting of a group: kept as its own document so that a person's latest marks in
/// a group's year can be read in order (drop-out looks at the last two).
/// </summary>
public sealed record AttendanceMark(string MarkId, string GroupId, string PersonId, int Year, DateTimeOffset StartsAt,
    AttendanceStatus Status)
{
    public static string IdFor(string meetingId, string personId) => $"{meetingId}/{personId}";

    /// <summary>Marks order by start, then by id (the order of the marks' index).</summary>
    public static int Compare(AttendanceMark a, AttendanceMark b) =>
        a.StartsAt != b.StartsAt ? a.StartsAt.CompareTo(b.StartsAt) : string.CompareOrdinal(a.MarkId, b.MarkId);
}

/// <summary>A person's attendance in a group's year: present of recorded, and their last two marks (oldest first).</summary>
public sealed record MemberTally(int Present, int Recorded, IReadOnlyList<AttendanceMark> Latest)
{
    /// <summary>Stopped coming: absent (not excused) at each of their last two held meetings in the group's year.</summary>
    public bool StoppedComing => Latest.Count == 2 && Latest.All(m => m.Status == AttendanceStatus.Absent);
}

/// <summary>An organisation's attendance in a group's year, and the hours its people spent in the meetings they were at.</summary>
public sealed record OrganisationTally(int Present, int Recorded, decimal HoursInMeetings);

/// <summary>
/// The figures of one group in one year, kept as events arrive (each held meeting adds its part, a change to it takes
/// the old part away and adds the new), so that health and the annual report read one document per group, not the
/// meetings. Held meetings count in the year they start in (UTC).
/// </summary>
public sealed record GroupYearFigures(
    string GroupId,
    int Year,
    int Held,
    int WithMinutes,
    int PublishedLate,
    int Decisions,
    int Present,
    int Recorded,
    IReadOnlyDictionary<string, int> DaysToPublish,
    IReadOnlyDictionary<string, MemberTally> Members,
    IReadOnlyDictionary<string, OrganisationTally> Organisations,
    int CadenceBreaches)
{
    /// <summary>Minutes published more than this many days after the meeting are late.</summary>
    public const double LateAfterDays = 14;

    public string Id => IdFor(GroupId, Year);

    public static string IdFor(string groupId, int year) => $"{groupId}/{year.ToString(CultureInfo.InvariantCulture)}";

    public static GroupYearFigures Empty(string groupId, int year) => new(groupId, year, 0, 0, 0, 0, 0, 0,
        new Dictionary<string, int>(), new Dictionary<string, MemberTally>(), new Dictionary<string, OrganisationTally>(), 0);

    /// <summary>
    /// These figures with a held meeting's part added (<paramref name="sign"/> +1) or taken away (-1). Taking away a mark
    /// that is among a member's latest two leaves their latest short: <see cref="LatestToRefill"/> names them, and the
    /// caller reads their latest marks again.
    /// </summary>
    public GroupYearFigures With(MeetingContribution part, int sign)
    {
        var days = new Dictionary<string, int>(DaysToPublish);
        if (part.DaysToPublish is { } d)
        {
            var key = DaysKey(d);
            days[key] = days.GetValueOrDefault(key) + sign;
            if (days[key] == 0)
            {
                days.Remove(key);
            }
        }
        var members = new Dictionary<string, MemberTally>(Members);
        foreach (var mark in part.Marks)
        {
            var tally = members.GetValueOrDefault(mark.PersonId) ?? new MemberTally(0, 0, []);
            var present = mark.Status == AttendanceStatus.Present ? sign : 0;
            var latest = sign > 0
                ? tally.Latest.Append(mark).Order(Comparer<AttendanceMark>.Create(AttendanceMark.Compare)).TakeLast(2).ToList()
                : tally.Latest.Where(m => m.MarkId != mark.MarkId).ToList();
            tally = new MemberTally(tally.Present + present, tally.Recorded + sign, latest);
            if (tally.Recorded == 0)
            {
                members.Remove(mark.PersonId);
            }
            else
            {
                members[mark.PersonId] = tally;
            }
        }
        var organisations = new Dictionary<string, OrganisationTally>(Organisations);
        foreach (var (organisationId, status) in part.Organisations)
        {
            var tally = organisations.GetValueOrDefault(organisationId) ?? new OrganisationTally(0, 0, 0m);
            var present = status == AttendanceStatus.Present;
            tally = new OrganisationTally(tally.Present + (present ? sign : 0), tally.Recorded + sign,
                tally.HoursInMeetings + (present ? sign * part.Hours : 0m));
            if (tally.Recorded == 0)
            {
                organisations.Remove(organisationId);
            }
            else
            {
                organisations[organisationId] = tally;
            }
        }
        var late = part.DaysToPublish > LateAfterDays ? 1 : 0;
        return this with
        {
            Held = Held + sign,
            WithMinutes = WithMinutes + (part.DaysToPublish is null ? 0 : sign),
            PublishedLate = PublishedLate + (late * sign),
            Decisions = Decisions + (part.Decisions * sign),
            Present = Present + (part.Marks.Count(m => m.Status == AttendanceStatus.Present) * sign),
            Recorded = Recorded + (part.Marks.Count * sign),
            DaysToPublish = days,
            Members = members,
            Organisations = organisations,
        };
    }

    /// <summary>Members whose latest marks are fewer than their marks allow: one was taken away, the one before it must be read.</summary>
    public IEnumerable<string> LatestToRefill => Members.Where(m => m.Value.Latest.Count < Math.Min(2,
        m.Value.Recorded)).Select(m => m.Key);

    /// <summary>These figures with one more missed cadence requirement.</summary>
    public GroupYearFigures WithBreach() => this with { CadenceBreaches = CadenceBreaches + 1 };

    public GroupYearFigures WithLatest(string personId, IReadOnlyList<AttendanceMark> latest) =>
        this with { Members = new Dictionary<string, MemberTally>(Members) { [personId] = Members[personId] with { Latest = latest } } };

    /// <summary>Days are kept rounded to hundredths, as text keys (JSON objects have string keys).</summary>
    public static string DaysKey(double days) => days.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>
/// What one held meeting adds to its group's year: minutes (days to publish), decisions, a mark per person, an entry per organisation.
/// </summary>
public sealed record MeetingContribution(
    string GroupId,
    int Year,
    double? DaysToPublish,
    int Decisions,
    decimal Hours,
    IReadOnlyList<AttendanceMark> Marks,
    IReadOnlyList<(string OrganisationId, AttendanceStatus Status)> Organisations)
{
    /// <summary>The part of a meeting in its group's year; null unless it was held.</summary>
    public static MeetingContribution? Of(MeetingFact? meeting)
    {
        if (meeting is not { State: MeetingState.Held })
        {
            return null;
        }
        var year = meeting.StartsAt.UtcDateTime.Year;
        double? days = meeting.MinutesPublishedAt is { } published ? Math.Round((published - meeting.StartsAt).TotalDays, 2) : null;
        return new MeetingContribution(meeting.GroupId, year, days, meeting.DecisionCount, (decimal)meeting.Duration.TotalHours,
            [.. meeting.Attendance.Select(a => new AttendanceMark(AttendanceMark.IdFor(meeting.MeetingId, a.PersonId), meeting.GroupId,
                a.PersonId, year, meeting.StartsAt, a.Status))],
            [.. meeting.Attendance.Select(a => (a.OrganisationId, a.Status))]);
    }
}
