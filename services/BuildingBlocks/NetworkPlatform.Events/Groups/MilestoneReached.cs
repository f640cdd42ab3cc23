// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

[Aggregate("Measure")]
public sealed record MilestoneReached(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string MeasureId, string MilestoneId, string Title, string? GroupId, string ReachedBy) : IDomainEvent;
