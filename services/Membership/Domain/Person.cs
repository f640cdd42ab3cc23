namespace NetworkPlatform.Membership.Domain;

/// <summary>A person in the network. Email and phone are personal data (see <see cref="PersonalDataPolicy"/>).</summary>
public sealed record Person
{
    public required string Id { get; init; }

    public required string NetworkId { get; init; }

    public required string FullName { get; init; }

    public string Email { get; init; } = "";

    public string Phone { get; init; } = "";

    public required string EmployerOrganisationId { get; init; }

    public IReadOnlyList<string> ExpertiseAreas { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
