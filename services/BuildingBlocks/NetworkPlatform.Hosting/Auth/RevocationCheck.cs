using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// Asks the issuer whether a validly signed token was revoked (OAuth 2.0 token introspection, RFC 7662, as this service's
/// client) and remembers the answer for Auth__RevocationCheckInterval, never past the token's expiry: a revoked token is
/// refused within that interval, and a caller's calls cost one introspection per token and interval. Off without a client,
/// with a zero interval, or when the issuer offers no introspection endpoint (Entra ID). When the issuer cannot be asked the
/// token is accepted (its signature and lifetime were checked) and a warning logged: revocation is only as fresh as the
/// issuer is reachable, and the access token lifetime bounds it.
/// </summary>
public sealed partial class RevocationCheck(AuthOptions options, IssuerMetadata issuer, ILogger<RevocationCheck> logger)
{
    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private bool Enabled => options.HasClient && options.RevocationCheckInterval > TimeSpan.Zero;

    public async ValueTask<bool> IsRevokedAsync(JsonWebToken token, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return false;
        }
        var key = token.Id is { Length: > 0 } id
            ? token.Issuer + " " + id
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.EncodedToken)));
        if (answers.TryGetValue(key, out bool cached))
        {
            return cached;
        }
        bool revoked;
        try
        {
            var endpoint = (await issuer.GetAsync(cancellationToken)).IntrospectionEndpoint;
            if (string.IsNullOrEmpty(endpoint))
            {
                revoked = false;
            }
            else
            {
                var (ok, body) = await issuer.PostAsClientAsync(endpoint,
                    [new("token", token.EncodedToken), new("token_type_hint", "access_token")], cancellationToken);
                if (!ok)
                {
                    LogUnanswered(options.ClientId!, IssuerMetadata.Error(body));
                    return false;
                }
                revoked = !(body.TryGetProperty("active", out var active) && active.ValueKind == System.Text.Json.JsonValueKind.True);
            }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            LogUnanswered(options.ClientId!, e.Message);
            return false;
        }
        var until = DateTimeOffset.UtcNow + options.RevocationCheckInterval;
        answers.Set(key, revoked, new MemoryCacheEntryOptions
        {
            Size = 1, AbsoluteExpiration = token.ValidTo < until.UtcDateTime ? token.ValidTo : until,
        });
        return revoked;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not ask the issuer whether a token was revoked (as client {ClientId}): {Reason}. The token is accepted.")]
    private partial void LogUnanswered(string clientId, string reason);
}
