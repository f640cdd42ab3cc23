namespace NetworkPlatform.Hosting.Auth;

/// <summary>Configuration section "Auth": who issues the tokens we accept and where their public keys are.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "";

    /// <summary>A JWKS document URL (the issuer's jwks_uri); keys are cached and re-fetched when an unknown key id arrives.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>A local JWKS document (JSON), e.g. the development key that `make run` writes.</summary>
    public string? SigningKeyFile { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The services' own private signing key (PEM or JWK, EC P-256), e.g. mounted from a Kubernetes Secret. With it a
    /// service signs tokens for its calls outside any request, and accepts such tokens from its peers (same key).
    /// </summary>
    public string? ServiceSigningKeyFile { get; set; }

    /// <summary>The issuer of service tokens; kept apart from <see cref="Issuer"/> so neither key can sign for the other.</summary>
    public string ServiceIssuer { get; set; } = "networkplatform-services";

    /// <summary>How long a service token lives; it is renewed well before it expires.</summary>
    public TimeSpan ServiceTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public void Validate()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Issuer))
        {
            missing.Add("Auth__Issuer");
        }
        if (string.IsNullOrWhiteSpace(Audience))
        {
            missing.Add("Auth__Audience");
        }
        if (string.IsNullOrWhiteSpace(JwksUrl) == string.IsNullOrWhiteSpace(SigningKeyFile))
        {
            missing.Add("exactly one of Auth__JwksUrl or Auth__SigningKeyFile");
        }
        if (!string.IsNullOrWhiteSpace(ServiceSigningKeyFile) && (string.IsNullOrWhiteSpace(ServiceIssuer) || ServiceIssuer == Issuer))
        {
            missing.Add("Auth__ServiceIssuer different from Auth__Issuer");
        }
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Authentication is not configured: set {string.Join(", ", missing)}.");
        }
    }
}
