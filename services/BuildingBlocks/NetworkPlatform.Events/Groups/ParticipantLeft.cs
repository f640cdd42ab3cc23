// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>A person left a group. Reason: Left, RolesVacated, RepresentativeWithdrawn, MembershipResigned.</summary>
[Aggregate("Group")]
public sealed record ParticipantLeft(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string GroupId, string PersonId, string OrganisationId, string Reason) : IDomainEvent;
