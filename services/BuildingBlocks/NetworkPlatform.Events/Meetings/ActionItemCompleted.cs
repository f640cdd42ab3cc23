namespace NetworkPlatform.Events.Meetings;

[Aggregate("ActionItem")]
public sealed record ActionItemCompleted(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string ActionItemId, string MeetingId, string GroupId, string CompletedBy) : IDomainEvent;
