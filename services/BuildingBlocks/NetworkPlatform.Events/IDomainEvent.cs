namespace NetworkPlatform.Events;

/// <summary>
/// What every domain event carries. Events are past-tense records in a namespace per area
/// (NetworkPlatform.Events.Membership, ...). An incompatible shape change gets a new name (e.g. MeetingScheduledV2).
/// </summary>
public interface IDomainEvent
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>The tenant.</summary>
    string NetworkId { get; }

    string AggregateId { get; }

    /// <summary>The aggregate's version after the change; consumers use it to ignore stale copies.</summary>
    long AggregateVersion { get; }
}
