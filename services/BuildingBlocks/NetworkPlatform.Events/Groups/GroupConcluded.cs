using System.ComponentModel.DataAnnotations;

// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>
/// The group finished concluding: State is "Concluded" (GroupConcludingStarted says that concluding began; before it
/// existed, this event also carried State "Concluding" for that, and such copies may still be queued).
/// </summary>
[Aggregate("Group")]
public sealed record GroupConcluded(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId,
    [property: AllowedValues("Concluded", "Concluding")] string State, string DecidedBy, string DecisionReference) : IDomainEvent;
