using System.ComponentModel.DataAnnotations;

// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>A person got a role in a group; RepresentsMember is false for invited experts, state actors and external observers.</summary>
[Aggregate("Group")]
public sealed record RoleAssigned(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId, string PersonId,
    string OrganisationId,
    [property: AllowedValues("Leader", "Deputy", "BudgetResponsible", "Secretary", "Member", "InvitedExpert", "StateActor", "Observer")]
    string Role,
    bool RepresentsMember) : IDomainEvent;
