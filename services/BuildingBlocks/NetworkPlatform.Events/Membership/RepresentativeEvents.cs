namespace NetworkPlatform.Events.Membership;

/// <summary>AggregateId is the representative (appointment) id. Role is "representative" or "deputy".</summary>
public sealed record RepresentativeAppointed(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string RepresentativeId, string OrganisationId, string PersonId, string Role, int HoursPerMonth, string ApprovingManager,
    DateTimeOffset StartAt, string AppointedBy) : IDomainEvent;

/// <summary>
/// An active appointment's terms changed: HoursPerMonth is the time set aside now; ChangedFields are the proto field names
/// that changed ("hours_per_month", "approving_manager").
/// </summary>
public sealed record RepresentativeUpdated(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string RepresentativeId, string OrganisationId, string PersonId, int HoursPerMonth, IReadOnlyList<string> ChangedFields,
    string UpdatedBy) : IDomainEvent;

/// <summary>An appointment ended. Reason is "withdrawn", "replaced" or "membership_ended".</summary>
public sealed record RepresentativeWithdrawn(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string RepresentativeId, string OrganisationId, string PersonId, string Reason, string Note, DateTimeOffset EndAt,
    string WithdrawnBy) : IDomainEvent;

/// <summary>Reason strings of <see cref="RepresentativeWithdrawn"/>.</summary>
public static class RepresentativeWithdrawalReasons
{
    public const string Withdrawn = "withdrawn";
    public const string Replaced = "replaced";
    public const string MembershipEnded = "membership_ended";
}
