using System.Text.Json.Serialization;

namespace NetworkPlatform.Membership.Domain;

public enum NetworkKind
{
    Partnership,
    ProfessionalNetwork,
    HealthPromotingNetwork,
    CollectiveImpactInitiative,
    WorkplaceProgramme,
}

/// <summary>The tenant: everything else in this service lives inside one network.</summary>
public sealed record Network
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public required NetworkKind Kind { get; init; }

    public required string Country { get; init; }

    public string Region { get; init; } = "";

    public IReadOnlyList<string> Languages { get; init; } = [];

    public required string TimeZone { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// The child network is a member of the parent network through an organisation of kind Network in the parent.
/// Stored in both networks so each can list it.
/// </summary>
public sealed record NetworkRelation(string ParentNetworkId, string ChildNetworkId, string OrganisationId)
{
    [JsonIgnore]
    public string Id => RelationId(ParentNetworkId, ChildNetworkId);

    public static string RelationId(string parentNetworkId, string childNetworkId) => $"{parentNetworkId}~{childNetworkId}";
}
