namespace NetworkPlatform.Events.Meetings;

[Aggregate("Meeting")]
public sealed record MeetingRescheduled(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string MeetingId, string GroupId, DateTimeOffset PreviousStart, DateTimeOffset PreviousEnd, DateTimeOffset Start, DateTimeOffset End,
    string TimeZone, string Reason, int Sequence) : IDomainEvent;
