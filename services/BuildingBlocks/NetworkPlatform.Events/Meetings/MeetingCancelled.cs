using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Meetings;

[Aggregate("Meeting")]
public sealed record MeetingCancelled(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string MeetingId, string GroupId,
    [property: AllowedValues("StartUp", "Interim", "Reporting", "PartnerMeeting", "GroupLeaderMeeting", "Workshop", "Other")] string Kind,
    DateTimeOffset Start, string Reason, int Sequence) : IDomainEvent;
