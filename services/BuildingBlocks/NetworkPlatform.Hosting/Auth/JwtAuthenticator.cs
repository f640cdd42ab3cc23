using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NetworkPlatform.Grpc;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// Turns an "authorization: Bearer ..." header into a ClaimsPrincipal, or UNAUTHENTICATED with what to do about it.
/// Tokens of the configured issuer are checked against its keys; tokens of the service issuer (when a service signing
/// key is configured) against the services' own key only.
/// </summary>
public sealed class JwtAuthenticator(AuthOptions options, SigningKeys signingKeys, ServiceSigningKey? serviceKey = null)
{
    private const string BearerPrefix = "Bearer ";

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<ClaimsPrincipal> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            throw RpcErrors.Unauthenticated("This call needs a token: send the header 'authorization: Bearer <token>'.");
        }
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw RpcErrors.Unauthenticated("The authorization header must read 'Bearer <token>'.");
        }
        var token = authorization[BearerPrefix.Length..].Trim();
        if (!handler.CanReadToken(token))
        {
            throw RpcErrors.Unauthenticated("The bearer token is not a well-formed JWT; send the token exactly as issued.");
        }

        string? keyId;
        string? issuer;
        try
        {
            var unverified = handler.ReadJsonWebToken(token);
            keyId = unverified.Kid;
            issuer = unverified.Issuer;
        }
        catch (ArgumentException)
        {
            // Three dot-separated parts that are not base64url JSON (e.g. "not.a.jwt").
            throw RpcErrors.Unauthenticated("The bearer token is not a well-formed JWT; send the token exactly as issued.");
        }
        var fromService = serviceKey is not null && issuer == options.ServiceIssuer;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = fromService ? options.ServiceIssuer : options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKeys = fromService ? [serviceKey!.PublicKey] : await signingKeys.GetAsync(keyId, cancellationToken).ConfigureAwait(false),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = options.ClockSkew,
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = ClaimNames.Roles,
        };
        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw RpcErrors.Unauthenticated(Explain(result.Exception));
        }
        return new ClaimsPrincipal(result.ClaimsIdentity);
    }

    private string Explain(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException expired => $"The bearer token expired at {expired.Expires:u}; get a new one.",
        SecurityTokenNotYetValidException early => $"The bearer token is not valid before {early.NotBefore:u}; check the clocks.",
        SecurityTokenInvalidIssuerException => $"The bearer token was not issued by '{options.Issuer}'; use a token from that issuer.",
        SecurityTokenInvalidAudienceException => $"The bearer token is not meant for '{options.Audience}'; ask for a token with that audience.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "The bearer token's signature does not match the issuer's keys; it was altered or signed by someone else.",
        SecurityTokenNoExpirationException => "The bearer token has no expiry (exp); tokens without one are refused.",
        _ => "The bearer token was refused; ask for a new one.",
    };
}
