using NetworkPlatform.Events;

namespace NetworkPlatform.Messaging.TestHost;

public enum MemberRole
{
    Representative,
    Deputy,
}

/// <summary>Test contracts: real ones live in NetworkPlatform.Events.</summary>
// Both count on one stream per aggregate id, as the tests number them.
[Aggregate("Group")]
public sealed record MemberJoined(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string NetworkId,
    string AggregateId,
    long AggregateVersion,
    string PersonName,
    MemberRole Role) : IDomainEvent;

[Aggregate("Group")]
public sealed record BudgetApproved(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string NetworkId,
    string AggregateId,
    long AggregateVersion,
    decimal Amount) : IDomainEvent;
