using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using NetworkPlatform.Identity.Storage;
using OpenIddict.Server;

namespace NetworkPlatform.Identity.Keys;

/// <summary>
/// The issuer's keys, kept in its database so that every replica and restart signs alike. Signing keys are RSA keys in
/// self-signed certificates whose validity says when each signs: OpenIddict publishes every key in the JWKS and signs with
/// the valid one that expires last. A new key is stored <see cref="IssuerOptions.SigningKeyPublishLead"/> before it becomes
/// valid, so services learn it before any token names it; a replaced key stays published until the last token it signed
/// has expired, then it is dropped. One AES key encrypts authorization codes and refresh tokens. Checked every
/// <see cref="IssuerOptions.KeyCheckInterval"/>; when the published set or the signer changes, OpenIddict's options are
/// rebuilt (<see cref="IOptionsChangeTokenSource{TOptions}"/>), which re-sorts the keys by validity.
/// </summary>
public sealed partial class KeyRing(IServiceScopeFactory scopes, IssuerOptions options, TimeProvider clock, ILogger<KeyRing> logger)
    : BackgroundService, IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private Snapshot? current;
    private CancellationTokenSource changed = new();

    public string? Name => Options.DefaultName;

    /// <summary>The key ids now published, and the one that signs; for tests and the start-up log.</summary>
    public (IReadOnlyList<string> Published, string Signer) Describe()
    {
        var snapshot = Current;
        return (snapshot.Signing.Select(k => k.Id).ToList(), snapshot.Signer);
    }

    private Snapshot Current =>
        current ?? throw new InvalidOperationException("The key ring is not loaded yet: the issuer's start-up has not run.");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await MaintainAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.KeyCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await MaintainAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(e);
            }
        }
    }

    /// <summary>
    /// Stores a new signing key that signs after the publish lead (an operator's rotation, `identity rotate-signing-key`).
    /// </summary>
    public static async Task<IssuerKey> AddPendingSigningKeyAsync(IdentityDbContext database, IssuerOptions options, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var key = NewSigningKey(now + options.SigningKeyPublishLead, options);
        database.Keys.Add(key);
        await database.SaveChangesAsync(cancellationToken);
        return key;
    }

    public void Configure(OpenIddictServerOptions server)
    {
        var snapshot = Current;
        foreach (var key in snapshot.Signing)
        {
            var certificate = X509Certificate2.CreateFromPem(key.Material, key.Material);
            server.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(certificate, key.Id), SecurityAlgorithms.RsaSha256));
        }
        server.EncryptionCredentials.Add(new EncryptingCredentials(
            new SymmetricSecurityKey(Convert.FromBase64String(snapshot.Encryption.Material)) { KeyId = snapshot.Encryption.Id },
            SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    public IChangeToken GetChangeToken() => new CancellationChangeToken(changed.Token);

    private async Task MaintainAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = clock.GetUtcNow();
        var keys = await database.Keys.ToListAsync(cancellationToken);
        var signing = keys.Where(k => k.Use == IssuerKey.Signing).OrderBy(k => k.NotBefore).ToList();

        if (!signing.Any(k => IsValid(k, now)))
        {
            // Nothing signs (first start, or the issuer was down past every key's validity): a key valid at once.
            signing.Add(Store(database, NewSigningKey(now - ClockSkew, options)));
            LogCreated(signing[^1].Id, "now");
        }
        else if (signing[^1] is var newest && newest.NotBefore <= now
            && now >= newest.NotBefore + options.SigningKeyLifetime - options.SigningKeyPublishLead)
        {
            signing.Add(Store(database, NewSigningKey(now + options.SigningKeyPublishLead, options)));
            LogCreated(signing[^1].Id, signing[^1].NotBefore.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var retired in signing.Where(k => IsRetired(k, signing, now)).ToList())
        {
            database.Keys.Remove(retired);
            signing.Remove(retired);
            LogDropped(retired.Id);
        }
        var encryption = keys.FirstOrDefault(k => k.Use == IssuerKey.Encryption)
            ?? Store(database, new IssuerKey
            {
                Id = "enc-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
                Use = IssuerKey.Encryption,
                Material = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                NotBefore = now,
                NotAfter = DateTimeOffset.MaxValue,
            });
        await database.SaveChangesAsync(cancellationToken);

        var signer = signing.Where(k => IsValid(k, now)).MaxBy(k => k.NotAfter)!.Id;
        var next = new Snapshot(signing, encryption, signer);
        if (current is null || !current.SameAs(next))
        {
            current = next;
            var previous = changed;
            changed = new CancellationTokenSource();
            LogPublished(string.Join(", ", signing.Select(k => k.Id)), signer);
            await previous.CancelAsync();
            previous.Dispose();
        }
    }

    private static bool IsValid(IssuerKey key, DateTimeOffset now) => key.NotBefore <= now && now < key.NotAfter;

    /// <summary>Replaced by a newer key that has signed for longer than any token lives: nothing it signed is still valid.</summary>
    private bool IsRetired(IssuerKey key, IReadOnlyList<IssuerKey> signing, DateTimeOffset now) =>
        signing.Any(newer => newer.NotBefore > key.NotBefore && newer.NotBefore <= now
            && now > newer.NotBefore + options.LongestTokenLifetime + ClockSkew);

    private static IssuerKey Store(IdentityDbContext database, IssuerKey key)
    {
        database.Keys.Add(key);
        return key;
    }

    /// <summary>
    /// An RSA-2048 key in a certificate valid from <paramref name="notBefore"/> for twice the key lifetime (it is dropped earlier,
    /// once replaced).
    /// </summary>
    private static IssuerKey NewSigningKey(DateTimeOffset notBefore, IssuerOptions options)
    {
        using var rsa = RSA.Create(2048);
        var id = "sig-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var request = new CertificateRequest($"CN=networkplatform issuer {id}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        // Certificates count whole seconds: the stored validity is the certificate's own, so both agree.
        using var certificate = request.CreateSelfSigned(notBefore, notBefore + 2 * options.SigningKeyLifetime);
        return new IssuerKey
        {
            Id = id,
            Use = IssuerKey.Signing,
            Material = certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem(),
            NotBefore = certificate.NotBefore.ToUniversalTime(),
            NotAfter = certificate.NotAfter.ToUniversalTime(),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New signing key {KeyId}, published now, signing from {SignsFrom}.")]
    private partial void LogCreated(string keyId, string signsFrom);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {KeyId} dropped: every token it signed has expired.")]
    private partial void LogDropped(string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published signing keys: {KeyIds}; {Signer} signs.")]
    private partial void LogPublished(string keyIds, string signer);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the issuer's keys failed; the current keys stay in use.")]
    private partial void LogCheckFailed(Exception exception);

    private sealed record Snapshot(IReadOnlyList<IssuerKey> Signing, IssuerKey Encryption, string Signer)
    {
        public bool SameAs(Snapshot other) =>
            Signer == other.Signer && Encryption.Id == other.Encryption.Id
            && Signing.Select(k => k.Id).SequenceEqual(other.Signing.Select(k => k.Id));
    }
}
