using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Meetings;

/// <summary>Status: Present, Absent, Excused.</summary>
public sealed record AttendanceMark(
    string PersonId, [property: AllowedValues("Present", "Absent", "Excused")] string Status);

/// <summary>The whole attendance of a held meeting (a correction repeats it in full) and whether it had a quorum.</summary>
[Aggregate("Meeting")]
public sealed record AttendanceRecorded(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string MeetingId, string GroupId,
    [property: AllowedValues("StartUp", "Interim", "Reporting", "PartnerMeeting", "GroupLeaderMeeting", "Workshop", "Other")] string Kind,
    DateTimeOffset Start, IReadOnlyList<AttendanceMark> Attendance, int InvitedParticipants, int Present,
    bool QuorumReached) : IDomainEvent;
