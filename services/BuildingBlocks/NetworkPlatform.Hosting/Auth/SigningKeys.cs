using Microsoft.IdentityModel.Tokens;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>The issuer's public keys, from a JWKS file or URL. URL keys are cached and refreshed at most once a minute on a miss.</summary>
public sealed class SigningKeys(AuthOptions options, HttpClient? http = null)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private IReadOnlyList<SecurityKey> keys = [];
    private DateTime fetchedAt = DateTime.MinValue;

    public async Task<IReadOnlyList<SecurityKey>> GetAsync(string? keyId, CancellationToken cancellationToken)
    {
        var age = DateTime.UtcNow - fetchedAt;
        var unknownKey = keyId is not null && keys.All(k => k.KeyId != keyId);
        if (age > CacheFor || (unknownKey && age > MinRefreshInterval) || keys.Count == 0)
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        return keys;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var json = options.SigningKeyFile is { Length: > 0 } file
                ? await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)
                : await (http ?? SharedHttp).GetStringAsync(new Uri(options.JwksUrl!), cancellationToken).ConfigureAwait(false);
            keys = new JsonWebKeySet(json).GetSigningKeys().ToArray();
            fetchedAt = DateTime.UtcNow;
        }
        finally
        {
            refreshLock.Release();
        }
    }

    private static readonly HttpClient SharedHttp = new() { Timeout = TimeSpan.FromSeconds(10) };
}
