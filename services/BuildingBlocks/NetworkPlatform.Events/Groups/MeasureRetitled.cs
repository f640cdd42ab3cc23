// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>A measure's title was edited (the action plan's wording changed); Title is the new one.</summary>
[Aggregate("Measure")]
public sealed record MeasureRetitled(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string MeasureId, int Year, string Title, string RetitledBy) : IDomainEvent;
