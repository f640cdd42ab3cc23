using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// The services' shared ES256 key (Auth__ServiceSigningKeyFile): a PEM private key (what `openssl genpkey` writes, as
/// deploy/ generates it) or a private JWK. Its key id is the RFC 7638 thumbprint, so every service holding the same
/// file names it alike.
/// </summary>
public sealed class ServiceSigningKey
{
    private ServiceSigningKey(ECDsa ecdsa)
    {
        var keyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ecdsa)).ComputeJwkThumbprint());
        PrivateKey = new ECDsaSecurityKey(ecdsa) { KeyId = keyId };
        var publicOnly = ECDsa.Create(ecdsa.ExportParameters(includePrivateParameters: false));
        PublicKey = new ECDsaSecurityKey(publicOnly) { KeyId = keyId };
    }

    /// <summary>Signs service tokens.</summary>
    public ECDsaSecurityKey PrivateKey { get; }

    /// <summary>Verifies service tokens.</summary>
    public SecurityKey PublicKey { get; }

    public static ServiceSigningKey Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Cannot read the service signing key '{path}' (Auth__ServiceSigningKeyFile): {e.Message} Mount the key there or correct the path.", e);
        }
        try
        {
            return new ServiceSigningKey(text.TrimStart().StartsWith('{') ? FromPrivateJwk(new JsonWebKey(text)) : FromPem(text));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or FormatException)
        {
            throw new InvalidOperationException(
                $"The service signing key '{path}' is not an EC P-256 private key in PEM or JWK form ({e.Message}). Create one with: openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256", e);
        }
    }

    private static ECDsa FromPem(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        RequireP256(ecdsa.ExportParameters(includePrivateParameters: true));
        return ecdsa;
    }

    /// <summary>An EC P-256 private JWK as a signing key (also the development key's file format).</summary>
    internal static ECDsa FromPrivateJwk(JsonWebKey jwk)
    {
        if (jwk.Kty != "EC" || jwk.Crv != "P-256" || string.IsNullOrEmpty(jwk.D))
        {
            throw new ArgumentException("the JWK must be kty EC, crv P-256, with its private part d");
        }
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = Base64UrlEncoder.DecodeBytes(jwk.D),
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
        });
    }

    private static void RequireP256(ECParameters parameters)
    {
        if (parameters.D is null || parameters.Q.X?.Length != 32)
        {
            throw new ArgumentException("the PEM must hold the private part of a P-256 key");
        }
    }
}
