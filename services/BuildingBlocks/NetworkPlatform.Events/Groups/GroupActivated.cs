using System.ComponentModel.DataAnnotations;

// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

[Aggregate("Group")]
public sealed record GroupActivated(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId,
    string DisplayName,
    [property: AllowedValues("ThematicGroup", "WorkingGroup", "TaskForce", "SubNetwork", "SteeringGroup", "PartnerMeeting",
        "WorkingCommittee", "Secretariat", "GroupLeaderForum", "ReferenceGroup", "ProjectGroup", "ReflectionGroup")]
    string Kind,
    string LeaderPersonId, string DecidedBy, string DecisionReference) : IDomainEvent;
