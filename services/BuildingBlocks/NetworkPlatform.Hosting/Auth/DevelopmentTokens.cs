using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// A local signing key and tokens signed with it, for services that validate against a JWKS file (Auth__SigningKeyFile)
/// instead of an issuer: the tests of single services. An ES256 key kept in a directory (private JWK and a public JWKS
/// beside it). `make run`, `make up` and Kubernetes use an OpenID Connect issuer (Auth__Authority) instead.
/// </summary>
public sealed class DevelopmentTokens
{
    public const string Issuer = "https://dev.networkplatform.local";
    public const string Audience = "networkplatform";

    private readonly JsonWebTokenHandler handler = new();
    private readonly SigningCredentials credentials;

    private DevelopmentTokens(ECDsaSecurityKey key, string jwksPath)
    {
        credentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256);
        JwksPath = jwksPath;
    }

    /// <summary>The public JWKS file: point Auth__SigningKeyFile at it.</summary>
    public string JwksPath { get; }

    public AuthOptions AuthOptions => new() { Issuer = Issuer, Audience = Audience, SigningKeyFile = JwksPath };

    /// <summary>Loads the key from <paramref name="directory"/>, creating it on first use.</summary>
    public static DevelopmentTokens LoadOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        var privatePath = Path.Combine(directory, "dev-signing-key.jwk.json");
        var jwksPath = Path.Combine(directory, "dev-jwks.json");
        ECDsa ecdsa;
        string keyId;
        if (File.Exists(privatePath))
        {
            var jwk = new JsonWebKey(File.ReadAllText(privatePath));
            ecdsa = FromPrivateJwk(jwk);
            keyId = jwk.Kid;
        }
        else
        {
            ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            keyId = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var parameters = ecdsa.ExportParameters(includePrivateParameters: true);
            File.WriteAllText(privatePath, JsonSerializer.Serialize(new
            {
                kty = "EC", crv = "P-256", kid = keyId, use = "sig", alg = "ES256",
                x = Base64UrlEncoder.Encode(parameters.Q.X), y = Base64UrlEncoder.Encode(parameters.Q.Y),
                d = Base64UrlEncoder.Encode(parameters.D),
            }));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        var publicParameters = ecdsa.ExportParameters(includePrivateParameters: false);
        File.WriteAllText(jwksPath, JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new
                {
                    kty = "EC", crv = "P-256", kid = keyId, use = "sig", alg = "ES256",
                    x = Base64UrlEncoder.Encode(publicParameters.Q.X), y = Base64UrlEncoder.Encode(publicParameters.Q.Y),
                },
            },
        }));
        return new DevelopmentTokens(new ECDsaSecurityKey(ecdsa) { KeyId = keyId }, jwksPath);
    }

    public string Issue(string subject, string networkId, IEnumerable<string> roles, string? organisationId = null, string? personId = null,
        TimeSpan? lifetime = null, DateTime? issuedAt = null)
    {
        var claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = subject,
            [ClaimNames.Network] = networkId,
            [ClaimNames.Roles] = roles.ToArray(),
        };
        if (organisationId is not null)
        {
            claims[ClaimNames.Organisation] = organisationId;
        }
        if (personId is not null)
        {
            claims[ClaimNames.Person] = personId;
        }
        var now = issuedAt ?? DateTime.UtcNow;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromDays(30)),
            SigningCredentials = credentials,
        });
    }

    private static ECDsa FromPrivateJwk(JsonWebKey jwk) => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        D = Base64UrlEncoder.DecodeBytes(jwk.D),
        Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
    });
}
