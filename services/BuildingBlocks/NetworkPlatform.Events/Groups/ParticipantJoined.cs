// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

[Aggregate("Group")]
public sealed record ParticipantJoined(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string GroupId, string PersonId, string OrganisationId, bool RepresentsMember) : IDomainEvent;
