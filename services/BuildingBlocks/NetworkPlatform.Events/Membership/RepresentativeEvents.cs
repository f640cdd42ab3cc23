using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Membership;

/// <summary>AggregateId is the representative (appointment) id. Role is "Representative" or "Deputy".</summary>
[Aggregate("Representative")]
public sealed record RepresentativeAppointed(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string RepresentativeId,
    string OrganisationId, string PersonId, [property: AllowedValues("Representative", "Deputy")] string Role, int HoursPerMonth,
    [property: PersonalData] string ApprovingManager, DateTimeOffset StartAt, string AppointedBy) : IDomainEvent;

/// <summary>
/// An active appointment's terms changed: HoursPerMonth is the time set aside now; ChangedFields are the proto field names
/// that changed ("hours_per_month", "approving_manager").
/// </summary>
[Aggregate("Representative")]
public sealed record RepresentativeUpdated(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string RepresentativeId, string OrganisationId, string PersonId, int HoursPerMonth, IReadOnlyList<string> ChangedFields,
    string UpdatedBy) : IDomainEvent;

/// <summary>An appointment ended. Reason is "Withdrawn", "Replaced" or "MembershipEnded".</summary>
[Aggregate("Representative")]
public sealed record RepresentativeWithdrawn(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string RepresentativeId,
    string OrganisationId, string PersonId, [property: AllowedValues("Withdrawn", "Replaced", "MembershipEnded")] string Reason,
    [property: PersonalData] string Note, DateTimeOffset EndAt, string WithdrawnBy) : IDomainEvent;

/// <summary>Reason strings of <see cref="RepresentativeWithdrawn"/>.</summary>
public static class RepresentativeWithdrawalReasons
{
    public const string Withdrawn = "Withdrawn";
    public const string Replaced = "Replaced";
    public const string MembershipEnded = "MembershipEnded";
}
