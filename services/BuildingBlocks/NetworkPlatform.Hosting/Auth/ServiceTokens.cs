using NetworkPlatform.Application;
using System.Collections.Concurrent;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// The tokens a service gets from the issuer for itself (client credentials grant, as Auth__ClientId) for its calls outside
/// any request, one per network it acts in (the issuer's parameter network_id). Each is kept until three quarters of its
/// lifetime have passed, so a token is never sent about to expire; concurrent callers share one request.
/// </summary>
public sealed class ServiceTokens(IssuerMetadata issuer, AuthOptions options, TimeProvider clock)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Lazy<Task<Issued>>> issued = new();

    public async ValueTask<string> TokenForAsync(string networkId, CancellationToken cancellationToken)
    {
        var entry = issued.GetOrAdd(networkId, Request);
        if (entry.Value is { IsCompleted: true } done && (!done.IsCompletedSuccessfully || clock.GetUtcNow() >= done.Result.RenewAfter))
        {
            var renewal = Request(networkId);
            entry = issued.TryUpdate(networkId, renewal, entry) ? renewal : issued.GetOrAdd(networkId, renewal);
        }
        return (await entry.Value.WaitAsync(cancellationToken)).Token;
    }

    private Lazy<Task<Issued>> Request(string networkId) => new(() => RequestAsync(networkId));

    private async Task<Issued> RequestAsync(string networkId)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        var endpoint = (await issuer.GetAsync(timeout.Token)).TokenEndpoint;
        var requested = clock.GetUtcNow();
        List<KeyValuePair<string, string>> form = [new("grant_type", "client_credentials"), new("network_id", networkId)];
        if (options.ClientScope is { Length: > 0 } scope)
        {
            form.Add(new("scope", scope));
        }
        var (ok, body) = await issuer.PostAsClientAsync(endpoint, form, timeout.Token);
        if (!ok || !body.TryGetProperty("access_token", out var token))
        {
            throw new InvalidOperationException(
                $"The issuer gave client '{options.ClientId}' no token for network '{networkId}' ({IssuerMetadata.Error(body)}); " +
                "check Auth__ClientId and its secret.");
        }
        var lifetime = TimeSpan.FromSeconds(body.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetDouble() : 300);
        return new Issued(token.GetString()!, requested + lifetime * 3 / 4);
    }

    private sealed record Issued(string Token, DateTimeOffset RenewAfter);
}
