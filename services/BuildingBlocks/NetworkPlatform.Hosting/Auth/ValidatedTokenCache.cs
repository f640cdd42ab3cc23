using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// JwtBearer's token handler with a memory: a token it validated is accepted again without checking its signature, until
/// it expires or for at most <see cref="RememberFor"/>. Callers send the same token on every call, and an ES256 signature
/// check costs more CPU than the rest of a call (about 130 us of the 2-core benchmark machine's time, see make bench).
/// Only the exact token string hits; a key removed from the issuer's JWKS stops cached tokens within RememberFor.
/// </summary>
internal sealed class ValidatedTokenCache : JsonWebTokenHandler
{
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);

    private const int MaxTokens = 10_000;

    private readonly ConcurrentDictionary<string, (ClaimsIdentity Identity, SecurityToken Token, DateTime Until)> validated =
        new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = DateTime.UtcNow;
        if (validated.TryGetValue(token, out var known) && now < known.Until)
        {
            // A copy: a handler adding claims to its caller must not change the next caller's.
            return new TokenValidationResult { IsValid = true, ClaimsIdentity = known.Identity.Clone(), SecurityToken = known.Token };
        }
        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid)
        {
            if (validated.Count >= MaxTokens)
            {
                validated.Clear();
            }
            var expires = result.SecurityToken.ValidTo;
            validated[token] = (result.ClaimsIdentity.Clone(), result.SecurityToken,
                expires < now + RememberFor ? expires : now + RememberFor);
        }
        return result;
    }
}
