using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Membership;

/// <summary>An organisation was registered in a network.</summary>
[Aggregate("Organisation")]
public sealed record OrganisationRegistered(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string OrganisationId,
    string DisplayName,
    [property: AllowedValues("Municipality", "Hospital", "StateAgency", "Ngo", "University", "Union", "Company", "Network")] string Kind,
    string OrganisationNumber, string? LinkedNetworkId, string RegisteredBy) : IDomainEvent;
