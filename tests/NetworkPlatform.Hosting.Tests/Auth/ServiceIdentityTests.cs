using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Tests.Support;

namespace NetworkPlatform.Hosting.Tests.Auth;

/// <summary>
/// Service identity in distributed mode: a service signs tokens for itself with the shared service key, and a peer
/// holding the same key accepts them beside the partner issuer's tokens. Real hosts over HTTP/2.
/// </summary>
public sealed class ServiceIdentityTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("np-service-identity-").FullName;
    private readonly DevelopmentTokens partnerTokens;
    private readonly string serviceKeyFile;
    private readonly List<WebApplication> apps = [];
    private readonly List<EchoHost> peers = [];

    public ServiceIdentityTests()
    {
        partnerTokens = DevelopmentTokens.LoadOrCreate(Path.Combine(directory, "partner"));
        serviceKeyFile = WritePemKey("service-signing-key.pem");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }
        foreach (var peer in peers)
        {
            await peer.DisposeAsync();
        }
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task a_background_call_with_the_service_identity_is_accepted_by_a_peer_that_trusts_the_service_key()
    {
        var peer = await StartPeerAsync(serviceKeyFile);
        var identity = CallingService("groups", serviceKeyFile).GetRequiredService<ServiceIdentity>();

        // No request in flight (an event handler): the service's own token is used.
        var authorization = ServiceIdentity.Authorization(httpContext: null, identity, "net-1");

        var answer = await EchoAsync(peer, authorization);
        Assert.Equal("hi from groups of net-1 as secretariat", answer);
    }

    [Fact]
    public async Task the_peer_still_accepts_the_partner_issuers_tokens_beside_service_tokens()
    {
        var peer = await StartPeerAsync(serviceKeyFile);

        var answer = await EchoAsync(peer, "Bearer " + partnerTokens.Issue("alice", "net-2", [Roles.Representative]));

        Assert.Equal("hi from alice of net-2 as representative", answer);
    }

    [Fact]
    public async Task a_token_with_the_service_issuer_signed_by_an_untrusted_key_is_unauthenticated()
    {
        var peer = await StartPeerAsync(serviceKeyFile);
        var impostor = CallingService("groups", WritePemKey("impostor.pem")).GetRequiredService<ServiceIdentity>();

        var refused = await Assert.ThrowsAsync<RpcException>(() => EchoAsync(peer, impostor.AuthorizationFor("net-1")));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("signature", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_peer_without_the_service_key_refuses_service_tokens()
    {
        var peer = await StartPeerAsync(serviceKeyFile: null);
        var identity = CallingService("meetings", serviceKeyFile).GetRequiredService<ServiceIdentity>();

        var refused = await Assert.ThrowsAsync<RpcException>(() => EchoAsync(peer, identity.AuthorizationFor("net-1")));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains(DevelopmentTokens.Issuer, refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void without_the_service_key_a_service_has_no_identity_of_its_own_and_sends_no_token_outside_a_request()
    {
        var services = CallingService("groups", keyFile: null);

        Assert.Null(services.GetService<ServiceIdentity>());
        Assert.Null(ServiceIdentity.Authorization(httpContext: null, services.GetService<ServiceIdentity>(), "net-1"));
    }

    [Fact]
    public void a_service_token_is_cached_per_network_and_renewed_before_it_expires()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var tokens = CallingService("meetings", serviceKeyFile, clock).GetRequiredService<ServiceTokens>();

        var first = tokens.TokenFor("net-1");
        Assert.NotEqual(first, tokens.TokenFor("net-2"));
        clock.Now += TimeSpan.FromMinutes(7);
        Assert.Equal(first, tokens.TokenFor("net-1"));

        // Less than a quarter of the ten minutes left: a fresh token, valid ten minutes from now.
        clock.Now += TimeSpan.FromMinutes(1);
        var renewed = tokens.TokenFor("net-1");
        Assert.NotEqual(first, renewed);
        var handler = new JsonWebTokenHandler();
        Assert.Equal(new DateTime(2026, 11, 23, 12, 10, 0, DateTimeKind.Utc), handler.ReadJsonWebToken(first).ValidTo);
        Assert.Equal(new DateTime(2026, 11, 23, 12, 18, 0, DateTimeKind.Utc), handler.ReadJsonWebToken(renewed).ValidTo);
        Assert.Equal("networkplatform-services", handler.ReadJsonWebToken(renewed).Issuer);
        Assert.Equal(renewed, tokens.TokenFor("net-1"));
    }

    [Fact]
    public async Task a_renewed_token_is_accepted_after_the_first_one_has_expired()
    {
        var peer = await StartPeerAsync(serviceKeyFile);
        var clock = new ManualClock(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(20));
        var tokens = CallingService("groups", serviceKeyFile, clock).GetRequiredService<ServiceTokens>();
        var expired = tokens.TokenFor("net-1");

        var refused = await Assert.ThrowsAsync<RpcException>(() => EchoAsync(peer, "Bearer " + expired));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("expired", refused.Status.Detail, StringComparison.Ordinal);

        clock.Now = DateTimeOffset.UtcNow;
        Assert.Equal("hi from groups of net-1 as secretariat", await EchoAsync(peer, "Bearer " + tokens.TokenFor("net-1")));
    }

    [Fact]
    public void the_key_loads_from_a_jwk_as_well_as_from_pem_with_the_same_key_id()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = Path.Combine(directory, "same.pem");
        File.WriteAllText(pem, ecdsa.ExportPkcs8PrivateKeyPem());
        var parameters = ecdsa.ExportParameters(includePrivateParameters: true);
        var jwk = Path.Combine(directory, "same.jwk.json");
        File.WriteAllText(jwk, System.Text.Json.JsonSerializer.Serialize(new
        {
            kty = "EC", crv = "P-256",
            x = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(parameters.Q.X),
            y = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(parameters.Q.Y),
            d = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(parameters.D),
        }));

        Assert.Equal(ServiceSigningKey.Load(pem).PublicKey.KeyId, ServiceSigningKey.Load(jwk).PublicKey.KeyId);
    }

    [Fact]
    public void a_public_key_in_place_of_the_private_one_stops_the_start_saying_how_to_make_one()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(directory, "public.pem");
        File.WriteAllText(path, ecdsa.ExportSubjectPublicKeyInfoPem());

        var error = Assert.Throws<InvalidOperationException>(() => ServiceSigningKey.Load(path));

        Assert.Contains("openssl genpkey", error.Message, StringComparison.Ordinal);
    }

    private string WritePemKey(string name)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, ecdsa.ExportPkcs8PrivateKeyPem());
        return path;
    }

    private Dictionary<string, string?> AuthSettings(string? serviceKeyFile) => new()
    {
        ["Auth:Issuer"] = DevelopmentTokens.Issuer,
        ["Auth:Audience"] = DevelopmentTokens.Audience,
        ["Auth:SigningKeyFile"] = partnerTokens.JwksPath,
        ["Auth:ServiceSigningKeyFile"] = serviceKeyFile,
        ["Logging:Format"] = "text",
    };

    /// <summary>The calling side's services, as a distributed host registers them (nothing is served).</summary>
    private IServiceProvider CallingService(string name, string? keyFile, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(AuthSettings(keyFile));
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }
        builder.AddServiceDefaults(name);
        builder.AddServiceIdentity(name);
        var app = builder.Build();
        apps.Add(app);
        return app.Services;
    }

    private async Task<EchoHost> StartPeerAsync(string? serviceKeyFile)
    {
        var peer = await EchoHost.StartAsync(AuthSettings(serviceKeyFile));
        peers.Add(peer);
        return peer;
    }

    private static Task<string> EchoAsync(EchoHost peer, string? authorization) => peer.EchoAsync(authorization);

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
