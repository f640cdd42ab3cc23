namespace NetworkPlatform.Events.Meetings;

[Aggregate("ActionItem")]
public sealed record ActionItemCreated(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string ActionItemId, string MeetingId, string GroupId, string Title, string OwnerPersonId, DateOnly DueDate) : IDomainEvent;
