using NetworkPlatform.Identity.Registrations;

namespace NetworkPlatform.Identity;

/// <summary>
/// Configuration section "Identity": the embedded issuer's address, token lifetimes, key rotation and configured clients.
/// </summary>
public sealed class IssuerOptions
{
    public const string SectionName = "Identity";

    /// <summary>
    /// The issuer's public URL, what tokens carry as iss and what the services set as Auth__Authority (e.g. http://127.0.0.1:5080/).
    /// Empty: the URL each request arrives at (tests whose port is only known once listening).
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The platform's API as the tokens' audience (aud); the services check it (Auth__Audience).</summary>
    public string Audience { get; set; } = "networkplatform";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a signing key signs before the next one takes over.</summary>
    public TimeSpan SigningKeyLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a new signing key is published (JWKS) before it signs: longer than the services' Auth__MetadataRefreshInterval
    /// (10 minutes), so every service knows the key before a token names it.
    /// </summary>
    public TimeSpan SigningKeyPublishLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the key ring is checked: a due rotation, a key that starts signing, a retired key to drop.</summary>
    public TimeSpan KeyCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Clients registered (or updated) at every start: the services and the dashboard, their secrets in files.</summary>
    public List<ConfiguredClient> Clients { get; set; } = [];

    /// <summary>The demo's people and partner systems (`make run` only).</summary>
    public IssuerDemo Demo { get; set; } = new();

    /// <summary>Allows plain HTTP (loopback, inside a dev cluster). Default: when <see cref="Issuer"/> is http:// or empty.</summary>
    public bool? AllowHttp { get; set; }

    public bool HttpAllowed =>
        AllowHttp ?? (string.IsNullOrEmpty(Issuer) || Issuer.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The longest a token signed by a retired key can still be presented: the key stays published that long.</summary>
    public TimeSpan LongestTokenLifetime => AccessTokenLifetime > IdentityTokenLifetime ? AccessTokenLifetime : IdentityTokenLifetime;

    public static TimeSpan IdentityTokenLifetime => TimeSpan.FromMinutes(20);

    public void Validate()
    {
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(Issuer)
            && (!Uri.TryCreate(Issuer, UriKind.Absolute, out var issuer) || !issuer.AbsolutePath.EndsWith('/')))
        {
            problems.Add("Identity__Issuer must be an absolute URL ending with '/' (http://127.0.0.1:5080/)");
        }
        if (string.IsNullOrWhiteSpace(Audience))
        {
            problems.Add("Identity__Audience must name the platform's API (networkplatform)");
        }
        if (SigningKeyPublishLead >= SigningKeyLifetime)
        {
            problems.Add("Identity__SigningKeyPublishLead must be shorter than Identity__SigningKeyLifetime");
        }
        foreach (var client in Clients)
        {
            problems.AddRange(client.Problems());
        }
        problems.AddRange(Demo.Problems());
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The issuer is not configured: {string.Join("; ", problems)}.");
        }
    }
}

/// <summary>
/// A client the configuration registers: a service (client credentials) or a web application (code + PKCE, e.g. the dashboard).
/// </summary>
public sealed class ConfiguredClient
{
    public string ClientId { get; set; } = "";

    /// <summary>service or web.</summary>
    public string Kind { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>A file holding the secret (a mounted Secret, or one generated into the data directory).</summary>
    public string? SecretFile { get; set; }

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return "every Identity__Clients__N needs a ClientId";
        }
        if (Kind is not (ClientKinds.Service or ClientKinds.Web))
        {
            yield return $"client '{ClientId}': Kind must be {ClientKinds.Service} or {ClientKinds.Web}";
        }
        if (string.IsNullOrWhiteSpace(SecretFile))
        {
            yield return $"client '{ClientId}': SecretFile must name the file with its secret";
        }
        if (Kind == ClientKinds.Web && RedirectUris.Count == 0)
        {
            yield return $"client '{ClientId}': a web client needs RedirectUris";
        }
    }
}
