using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Membership;

// AggregateId is the participation request id; NetworkId is the network the change happened in
// (the origin for ParticipationRequested, the forwarding / answering network otherwise).
// Kind is "JoinGroup" or "CreateGroup".

[Aggregate("ParticipationRequest")]
public sealed record ParticipationRequested(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string ParticipationRequestId,
    string OrganisationId, string PersonId, [property: AllowedValues("JoinGroup", "CreateGroup")] string Kind, string GroupId,
    string ProposedGroupName, string GroupNetworkId) : IDomainEvent;

[Aggregate("ParticipationRequest")]
public sealed record ParticipationForwarded(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string ParticipationRequestId,
    string OriginNetworkId, string FromNetworkId, string ToNetworkId, string ForwardedBy) : IDomainEvent;

/// <summary>Answer is "Approved" or "Declined". On approval the groups service adds the person (or creates the group).</summary>
[Aggregate("ParticipationRequest")]
public sealed record ParticipationAnswered(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string ParticipationRequestId,
    string OriginNetworkId, string OrganisationId, string PersonId, [property: AllowedValues("JoinGroup", "CreateGroup")] string Kind,
    string GroupId, string ProposedGroupName, string GroupNetworkId, [property: AllowedValues("Approved", "Declined")] string Answer,
    string AnsweredBy) : IDomainEvent;
