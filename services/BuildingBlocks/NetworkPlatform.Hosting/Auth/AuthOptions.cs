namespace NetworkPlatform.Hosting.Auth;

/// <summary>Configuration section "Auth": which issuer's tokens the service accepts, and the service's own client at that issuer.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// The OpenID Connect issuer's URL (Entra ID, Keycloak, the embedded issuer). Its discovery document names the issuer and
    /// its keys (jwks_uri); JwtBearer re-reads it every <see cref="MetadataRefreshInterval"/> and when a token names an unknown key.
    /// </summary>
    public string? Authority { get; set; }

    public string Audience { get; set; } = "";

    /// <summary>Without an issuer to ask (tests): a local JWKS document, whose tokens name <see cref="Issuer"/>.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>The issuer of <see cref="SigningKeyFile"/>'s tokens; with <see cref="Authority"/> the discovery document says it.</summary>
    public string Issuer { get; set; } = "";

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the issuer's keys are re-read; an issuer publishes a new key at least this long before it signs with it.
    /// </summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The least time between two re-reads asked for by tokens that name an unknown key.</summary>
    public TimeSpan MetadataRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// This service's client at the issuer: tokens for its calls outside any request (client credentials), revocation checks.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The client's secret in a file (a mounted Secret); <see cref="ClientSecret"/> for the value itself.</summary>
    public string? ClientSecretFile { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The scope the client asks for, where the issuer wants one (Entra ID: api://&lt;the API's app id&gt;/.default).</summary>
    public string? ClientScope { get; set; }

    /// <summary>
    /// How long the issuer's answer about a token (introspection: revoked or not) is trusted before it is asked again. Zero turns
    /// the check off; without a client or an issuer that introspects (Entra ID does not) tokens are only checked locally.
    /// </summary>
    public TimeSpan RevocationCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool HasClient => !string.IsNullOrWhiteSpace(ClientId);

    public void Validate()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Audience))
        {
            missing.Add("Auth__Audience");
        }
        if (string.IsNullOrWhiteSpace(Authority) == string.IsNullOrWhiteSpace(SigningKeyFile))
        {
            missing.Add("exactly one of Auth__Authority (the issuer's URL) or Auth__SigningKeyFile");
        }
        if (!string.IsNullOrWhiteSpace(SigningKeyFile) && string.IsNullOrWhiteSpace(Issuer))
        {
            missing.Add("Auth__Issuer (the issuer of Auth__SigningKeyFile's tokens)");
        }
        if (!string.IsNullOrWhiteSpace(Authority) && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            missing.Add("Auth__Authority as an absolute URL (https://login.example.org/realms/networkplatform)");
        }
        if (HasClient && string.IsNullOrWhiteSpace(Authority))
        {
            missing.Add("Auth__Authority (Auth__ClientId gets its tokens there)");
        }
        if (HasClient && string.IsNullOrWhiteSpace(ClientSecretFile) == string.IsNullOrWhiteSpace(ClientSecret))
        {
            missing.Add("exactly one of Auth__ClientSecretFile or Auth__ClientSecret for Auth__ClientId");
        }
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Authentication is not configured: set {string.Join(", ", missing)}.");
        }
    }

    /// <summary>The client secret, read from <see cref="ClientSecretFile"/> when set.</summary>
    public string ReadClientSecret()
    {
        if (ClientSecretFile is not { Length: > 0 } file)
        {
            return ClientSecret ?? "";
        }
        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot read the client secret '{file}' (Auth__ClientSecretFile): {e.Message} Mount it there or correct the path.", e);
        }
    }
}
