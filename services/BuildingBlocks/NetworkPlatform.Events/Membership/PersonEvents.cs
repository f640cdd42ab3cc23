namespace NetworkPlatform.Events.Membership;

// Persons carry no email or phone in events: personal data stays in the membership service.

[Aggregate("Person")]
public sealed record PersonRegistered(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string PersonId, [property: PersonalData] string FullName, string EmployerOrganisationId) : IDomainEvent;

/// <summary>ChangedFields are the proto field names that changed, e.g. "full_name", "email".</summary>
[Aggregate("Person")]
public sealed record PersonUpdated(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string PersonId, [property: PersonalData] string FullName, IReadOnlyList<string> ChangedFields) : IDomainEvent;

/// <summary>
/// A person was erased (GDPR article 17): membership keeps them only as <see cref="FormerParticipant"/>, without contact
/// details. Every service replaces its copies of the person's name and contact details, and scrubs them from its outbox
/// and logs; counts and figures stay. Carries no erased data: ErasedBy is the secretariat member's subject.
/// </summary>
[Aggregate("Person")]
public sealed record PersonErased(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string PersonId, string ErasedBy, string Reason) : IDomainEvent
{
    /// <summary>What an erased person is called wherever their name was.</summary>
    public const string FormerParticipant = "former participant";
}
