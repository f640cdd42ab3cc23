using System.ComponentModel.DataAnnotations;

// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>A group was proposed (state proposed), or a governing body registered (state active).</summary>
[Aggregate("Group")]
public sealed record GroupProposed(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId,
    string DisplayName,
    [property: AllowedValues("ThematicGroup", "WorkingGroup", "TaskForce", "SubNetwork", "SteeringGroup", "PartnerMeeting",
        "WorkingCommittee", "Secretariat", "GroupLeaderForum", "ReferenceGroup", "ProjectGroup", "ReflectionGroup")]
    string Kind,
    [property: AllowedValues("Local", "Regional", "National", "International")] string Scope,
    [property: AllowedValues("Proposed", "Active")] string State, string ProposedBy) : IDomainEvent;
