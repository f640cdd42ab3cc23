// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>The group started concluding (State "Concluding") or finished (State "Concluded").</summary>
[Aggregate("Group")]
public sealed record GroupConcluded(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string GroupId, string State, string DecidedBy, string DecisionReference) : IDomainEvent;
