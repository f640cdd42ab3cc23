// Published by the groups service. AggregateId is the group id.
namespace NetworkPlatform.Events.Groups;

/// <summary>
/// The group started concluding (state "Concluding"): its final reporting is under way and it still works (meetings
/// take place, participants stay). GroupConcluded follows once it has finished.
/// </summary>
[Aggregate("Group")]
public sealed record GroupConcludingStarted(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId,
    long AggregateVersion, string GroupId, string DecidedBy, string DecisionReference) : IDomainEvent;
