namespace NetworkPlatform.Events.Membership;

/// <summary>An organisation was registered in a network. Kind is an OrganisationKind name, e.g. "Municipality", "Hospital", "Network".</summary>
[Aggregate("Organisation")]
public sealed record OrganisationRegistered(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string OrganisationId, string DisplayName, string Kind, string OrganisationNumber, string? LinkedNetworkId,
    string RegisteredBy) : IDomainEvent;
