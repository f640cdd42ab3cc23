using System.ComponentModel.DataAnnotations;

// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>
/// A person left a group: by leaving (Left), by losing their last role (Vacated, or Replaced by a new holder), or because
/// their appointment or their organisation's membership ended (RepresentativeWithdrawn, MembershipResigned).
/// </summary>
[Aggregate("Group")]
public sealed record ParticipantLeft(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string GroupId, string PersonId, string OrganisationId,
    [property: AllowedValues(ParticipationReasons.Left, ParticipationReasons.Vacated, ParticipationReasons.Replaced,
        ParticipationReasons.RepresentativeWithdrawn, ParticipationReasons.MembershipResigned)]
    string Reason) : IDomainEvent;

/// <summary>Why a person lost a role or left a group (RoleVacated.Reason, ParticipantLeft.Reason).</summary>
public static class ParticipationReasons
{
    public const string Left = "Left";
    public const string Vacated = "Vacated";
    public const string Replaced = "Replaced";
    public const string RepresentativeWithdrawn = "RepresentativeWithdrawn";
    public const string MembershipResigned = "MembershipResigned";
}
