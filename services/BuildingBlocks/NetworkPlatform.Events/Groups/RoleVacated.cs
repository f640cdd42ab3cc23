using System.ComponentModel.DataAnnotations;

// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>
/// A person lost a role (vacated, replaced by a new holder, or left the group); the reason is one of
/// <see cref="ParticipationReasons"/>.
/// </summary>
[Aggregate("Group")]
public sealed record RoleVacated(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId, string PersonId,
    [property: AllowedValues("Leader", "Deputy", "BudgetResponsible", "Secretary", "Member", "InvitedExpert", "StateActor", "Observer")]
    string Role,
    [property: AllowedValues(ParticipationReasons.Left, ParticipationReasons.Vacated, ParticipationReasons.Replaced,
        ParticipationReasons.RepresentativeWithdrawn, ParticipationReasons.MembershipResigned)]
    string Reason) : IDomainEvent;
