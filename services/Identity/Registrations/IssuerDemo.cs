namespace NetworkPlatform.Identity.Registrations;

/// <summary>
/// Configuration section "Identity:Demo": the demo's people and partner systems (`make run` fills it from its demo networks).
/// With any of them the issuer runs as a demo: the people are offered on the sign-in page without a password and through
/// `make token` (<see cref="DemoGrant"/>); the partner systems, and the demo grant's client, get a secret generated into
/// <see cref="SecretsDirectory"/> (&lt;client id&gt;.secret) at the first start.
/// </summary>
public sealed class IssuerDemo
{
    public string SecretsDirectory { get; set; } = "";

    public List<DemoPerson> People { get; set; } = [];

    public List<DemoPartner> Partners { get; set; } = [];

    public bool Enabled => People.Count > 0 || Partners.Count > 0;

    public string SecretFile(string clientId) => Path.Combine(SecretsDirectory, clientId + ".secret");

    public IEnumerable<string> Problems()
    {
        if (Enabled && string.IsNullOrWhiteSpace(SecretsDirectory))
        {
            yield return "Identity__Demo__SecretsDirectory must name where the demo clients' secrets are written";
        }
        foreach (var subject in People
            .Where(p => string.IsNullOrWhiteSpace(p.Subject) || string.IsNullOrWhiteSpace(p.NetworkId))
            .Select(p => p.Subject))
        {
            yield return $"demo person '{subject}' needs a Subject and a NetworkId";
        }
        foreach (var client in Partners
            .Where(p => string.IsNullOrWhiteSpace(p.ClientId) || string.IsNullOrWhiteSpace(p.NetworkId))
            .Select(p => p.ClientId))
        {
            yield return $"demo partner '{client}' needs a ClientId and a NetworkId";
        }
    }
}

/// <summary>
/// A demo person: <see cref="Description"/> says who they are on the sign-in page ("leads Arbeidsgruppe digital mobbing").
/// </summary>
public sealed class DemoPerson
{
    public string Subject { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Description { get; set; } = "";

    public string NetworkId { get; set; } = "";

    public string? OrganisationId { get; set; }

    public string? PersonId { get; set; }

    public List<string> Roles { get; set; } = [];
}

/// <summary>A demo partner system: a member organisation's client (client credentials) with the partner-system role.</summary>
public sealed class DemoPartner
{
    public string ClientId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string NetworkId { get; set; } = "";

    public string? OrganisationId { get; set; }

    /// <summary>Default: partner-system.</summary>
    public List<string> Roles { get; set; } = [];

    public PlatformClaims Claims => new(NetworkId, OrganisationId, null, Roles.Count > 0 ? Roles : [Application.Roles.PartnerSystem]);
}
