namespace NetworkPlatform.Events.Meetings;

[Aggregate("Meeting")]
public sealed record MeetingCancelled(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string MeetingId, string GroupId, string Kind, DateTimeOffset Start, string Reason, int Sequence) : IDomainEvent;
