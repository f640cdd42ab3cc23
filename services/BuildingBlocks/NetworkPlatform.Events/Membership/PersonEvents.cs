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
