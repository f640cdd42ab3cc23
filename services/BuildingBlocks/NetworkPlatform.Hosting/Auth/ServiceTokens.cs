using NetworkPlatform.Application;
using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// Short-lived tokens a service signs for itself with the shared service key: subject = the service's name, the network
/// it acts in, and the secretariat's rights (what the standalone host's identity has). One per network, cached and
/// renewed once less than a quarter of its lifetime is left, so a token is never sent about to expire.
/// </summary>
public sealed class ServiceTokens(ServiceSigningKey key, AuthOptions options, string serviceName, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();
    private readonly SigningCredentials credentials = new(key.PrivateKey, SecurityAlgorithms.EcdsaSha256);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset RenewAfter)> issued = new();

    public string TokenFor(string networkId)
    {
        var now = clock.GetUtcNow();
        if (issued.TryGetValue(networkId, out var cached) && now < cached.RenewAfter)
        {
            return cached.Token;
        }
        var lifetime = options.ServiceTokenLifetime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.ServiceIssuer,
            Audience = options.Audience,
            Claims = new Dictionary<string, object>
            {
                [ClaimNames.Subject] = serviceName,
                [ClaimNames.Network] = networkId,
                [ClaimNames.Roles] = new[] { Roles.Secretariat },
            },
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = credentials,
        });
        issued[networkId] = (token, now + lifetime * 3 / 4);
        return token;
    }
}
