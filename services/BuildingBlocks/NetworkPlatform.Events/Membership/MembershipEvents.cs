namespace NetworkPlatform.Events.Membership;

// The membership lifecycle of an organisation in a network. AggregateId is the organisation id;
// DecidedBy is the subject of the token that made the decision.

[Aggregate("Organisation")]
public sealed record MembershipApplied(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string OrganisationId, string DecidedBy, string Reason) : IDomainEvent;

[Aggregate("Organisation")]
public sealed record MembershipApproved(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string OrganisationId, string DecidedBy, string Reason) : IDomainEvent;

[Aggregate("Organisation")]
public sealed record MembershipSuspended(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string OrganisationId, string DecidedBy, string Reason) : IDomainEvent;

[Aggregate("Organisation")]
public sealed record MembershipReinstated(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string OrganisationId, string DecidedBy, string Reason) : IDomainEvent;

/// <summary>
/// The membership ended; EndedRepresentativeIds lists the appointments that ended with it (each also gets
/// RepresentativeWithdrawn with reason "MembershipEnded").
/// </summary>
[Aggregate("Organisation")]
public sealed record MembershipResigned(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string OrganisationId, string DecidedBy, string Reason, IReadOnlyList<string> EndedRepresentativeIds) : IDomainEvent;
