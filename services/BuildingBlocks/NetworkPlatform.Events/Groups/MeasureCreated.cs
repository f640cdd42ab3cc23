// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

public sealed record MeasureCreated(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string MeasureId, int Year, string Title, string? ParentMeasureId, string? GroupId) : IDomainEvent;
