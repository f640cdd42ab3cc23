using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>Meetings and people to build tests from; times are Oslo local times.</summary>
internal static class Samples
{
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static readonly Secretariat Secretariat = new("Sekretariatet", "post@partnerskapmotmobbing.no");

    public static readonly IReadOnlyList<GroupParticipant> Participants =
    [
        new("p-kari", "Kari Nordmann", "kari@bergen.kommune.no", "leader"),
        new("p-ola", "Ola Hansen", "ola@udir.no", "member"),
        new("p-ingrid", "Ingrid Berg", "", "member"),
    ];

    public static DateTimeOffset Local(int year, int month, int day, int hour = 10, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Oslo.GetUtcOffset(local)).ToUniversalTime();
    }

    public static Meeting Schedule(MeetingKind kind, DateTimeOffset start, string groupId = "g-digital", IReadOnlyList<ActionItem>? openActionItems = null) =>
        Meeting.Schedule(Ids.New("mtg"), "n-partnerskap", kind.IsNetworkLevel() ? "" : groupId, $"{kind} meeting", kind, start, start.AddHours(2), "Europe/Oslo",
            "Bergen rådhus", "https://meet.example/abc", NetworkSettings.Default("n-partnerskap").TemplateFor(kind, MeetingTexts.English), openActionItems ?? [], MeetingTexts.English,
            start.AddDays(-30), "u-secretariat");

    public static Meeting Invited(Meeting meeting) =>
        meeting.Invite(NotificationRules.Resolve(NotificationRules.Defaults, NotificationEvent.Invitation, Participants, Secretariat), meeting.Start.AddDays(-14));

    public static Meeting Held(Meeting meeting, params (string PersonId, AttendanceStatus Status)[] attendance) =>
        Invited(meeting).RecordAttendance(
            attendance.Select(a => new AttendanceEntry(a.PersonId, Participants.First(p => p.PersonId == a.PersonId).Name, a.Status)).ToList(),
            meeting.End);
}
