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

/// <summary>What a network is known by: its name, kind, where it works and in which languages and time zone.</summary>
public sealed record NetworkDetails(string DisplayName, NetworkKind Kind, string Country, string Region, IReadOnlyList<string> Languages,
    string TimeZone)
{
    /// <summary>The field names of the API's update mask.</summary>
    public static class Fields
    {
        public const string DisplayName = "display_name";
        public const string Kind = "kind";
        public const string Country = "country";
        public const string Region = "region";
        public const string Languages = "languages";
        public const string TimeZone = "time_zone";

        public static readonly IReadOnlyList<string> Updatable = [DisplayName, Kind, Country, Region, Languages, TimeZone];
    }
}

/// <summary>The tenant: everything else in this service lives inside one network.</summary>
public sealed record Network
{
    [JsonConstructor]
    private Network()
    {
    }

    [JsonInclude]
    public string Id { get; private init; } = "";

    [JsonInclude]
    public string DisplayName { get; private init; } = "";

    [JsonInclude]
    public NetworkKind Kind { get; private init; }

    [JsonInclude]
    public string Country { get; private init; } = "";

    [JsonInclude]
    public string Region { get; private init; } = "";

    [JsonInclude]
    public IReadOnlyList<string> Languages { get; private init; } = [];

    [JsonInclude]
    public string TimeZone { get; private init; } = "";

    [JsonInclude]
    public DateTimeOffset CreatedAt { get; private init; }

    [JsonInclude]
    public DateTimeOffset UpdatedAt { get; private init; }

    /// <summary>A new network (tenant) with the id its operator chose.</summary>
    public static Network Create(string id, NetworkDetails details, DateTimeOffset at) => new()
    {
        Id = id,
        DisplayName = details.DisplayName.Trim(),
        Kind = details.Kind,
        Country = details.Country,
        Region = details.Region.Trim(),
        Languages = [.. details.Languages],
        TimeZone = details.TimeZone,
        CreatedAt = at,
        UpdatedAt = at,
    };

    /// <summary>The same network with the details <paramref name="fields"/> name taken from <paramref name="details"/>.</summary>
    public Network Update(NetworkDetails details, IReadOnlySet<string> fields, DateTimeOffset at) => this with
    {
        DisplayName = fields.Contains(NetworkDetails.Fields.DisplayName) ? details.DisplayName.Trim() : DisplayName,
        Kind = fields.Contains(NetworkDetails.Fields.Kind) ? details.Kind : Kind,
        Country = fields.Contains(NetworkDetails.Fields.Country) ? details.Country : Country,
        Region = fields.Contains(NetworkDetails.Fields.Region) ? details.Region.Trim() : Region,
        Languages = fields.Contains(NetworkDetails.Fields.Languages) ? [.. details.Languages] : Languages,
        TimeZone = fields.Contains(NetworkDetails.Fields.TimeZone) ? details.TimeZone : TimeZone,
        UpdatedAt = at,
    };
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
