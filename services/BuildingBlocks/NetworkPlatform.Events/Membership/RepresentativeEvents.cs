namespace NetworkPlatform.Events.Membership;

/// <summary>AggregateId is the representative (appointment) id. Role is "representative" or "deputy".</summary>
[Aggregate("Representative")]
public sealed record RepresentativeAppointed(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string RepresentativeId, string OrganisationId, string PersonId, string Role, int HoursPerMonth,
    [property: PersonalData] string ApprovingManager, DateTimeOffset StartAt, string AppointedBy) : IDomainEvent;

/// <summary>An appointment ended. Reason is "withdrawn", "replaced" or "membership_ended".</summary>
[Aggregate("Representative")]
public sealed record RepresentativeWithdrawn(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string RepresentativeId, string OrganisationId, string PersonId, string Reason, [property: PersonalData] string Note,
    DateTimeOffset EndAt, string WithdrawnBy) : IDomainEvent;

/// <summary>Reason strings of <see cref="RepresentativeWithdrawn"/>.</summary>
public static class RepresentativeWithdrawalReasons
{
    public const string Withdrawn = "withdrawn";
    public const string Replaced = "replaced";
    public const string MembershipEnded = "membership_ended";
}
