using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Peers;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Hosting.Tests.Auth;

/// <summary>
/// Service identity: a service calling a peer outside any request gets a token of its own from the issuer (client
/// credentials as Auth__ClientId) for the network it acts in; inside a request the caller's token travels on. Against
/// the embedded issuer as its own process and a real peer over HTTP/2.
/// </summary>
public sealed class ServiceIdentityTests : IAsyncLifetime
{
    private readonly List<WebApplication> apps = [];
    private IssuerProcess issuer = null!;
    private EchoHost peer = null!;

    public async Task InitializeAsync()
    {
        issuer = await IssuerProcess.StartAsync(["service-groups"]);
        peer = await EchoHost.StartAsync(issuer.ServiceSettings());
    }

    public async Task DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }
        await peer.DisposeAsync();
        await issuer.DisposeAsync();
    }

    [Fact]
    public async Task outside_a_request_a_call_carries_the_services_own_token_for_the_network()
    {
        var identity = CallingService(issuer.ServiceSettings("service-groups")).GetRequiredService<ServiceIdentity>();

        var answer = await CallPeerAsync(PeerClients.OnBehalfOf(httpContext: null, identity, "net-1", CancellationToken.None));

        Assert.Equal("hi from service-groups of net-1 as secretariat", answer);
    }

    [Fact]
    public async Task inside_a_request_the_callers_token_travels_on_instead()
    {
        var identity = CallingService(issuer.ServiceSettings("service-groups")).GetRequiredService<ServiceIdentity>();
        var request = new DefaultHttpContext();
        request.Request.Headers.Authorization = "Bearer " + await issuer.ClientTokenAsync("service-groups", "net-2");

        var options = PeerClients.OnBehalfOf(new HttpContextAccessor { HttpContext = request }, identity, "net-1", CancellationToken.None);

        Assert.Null(options.Credentials);
        Assert.Equal("hi from service-groups of net-2 as secretariat", await CallPeerAsync(options));
    }

    [Fact]
    public async Task a_token_is_kept_per_network_and_renewed_once_three_quarters_of_its_life_have_passed()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var tokens = CallingService(issuer.ServiceSettings("service-groups"), clock).GetRequiredService<ServiceTokens>();

        var first = await tokens.TokenForAsync("net-1", CancellationToken.None);
        Assert.NotEqual(first, await tokens.TokenForAsync("net-2", CancellationToken.None));
        clock.Now += TimeSpan.FromMinutes(7);
        Assert.Equal(first, await tokens.TokenForAsync("net-1", CancellationToken.None));
        clock.Now += TimeSpan.FromMinutes(1);
        var renewed = await tokens.TokenForAsync("net-1", CancellationToken.None);

        Assert.NotEqual(first, renewed);
        Assert.Equal("net-1", new JsonWebToken(renewed).GetClaim(ClaimNames.Network).Value);
        Assert.Equal(renewed, await tokens.TokenForAsync("net-1", CancellationToken.None));
    }

    [Fact]
    public async Task a_wrong_secret_fails_the_call_with_the_issuers_reason_and_never_the_secret()
    {
        var secretFile = Path.Combine(issuer.Directory, "wrong-secret");
        await File.WriteAllTextAsync(secretFile, "definitely-not-the-secret");
        var settings = issuer.ServiceSettings("service-groups");
        settings["Auth:ClientSecretFile"] = secretFile;
        var identity = CallingService(settings).GetRequiredService<ServiceIdentity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => CallPeerAsync(PeerClients.OnBehalfOf(null, identity, "net-1", CancellationToken.None)));

        Assert.Contains("invalid_client", error.Status.DebugException?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("definitely-not-the-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void without_a_client_a_service_has_no_identity_of_its_own_and_sends_no_token_outside_a_request()
    {
        var services = CallingService(issuer.ServiceSettings());

        Assert.Null(services.GetService<ServiceIdentity>());
        var options = PeerClients.OnBehalfOf(httpContext: null, services.GetService<ServiceIdentity>(), "net-1", CancellationToken.None);
        Assert.Null(options.Credentials);
        Assert.Empty(options.Headers!);
    }

    [Fact]
    public void a_client_without_its_secret_stops_the_start_saying_what_to_set()
    {
        var settings = issuer.ServiceSettings("service-groups");
        settings["Auth:ClientSecretFile"] = null;

        var error = Assert.Throws<InvalidOperationException>(() => CallingService(settings));

        Assert.Contains("Auth__ClientSecretFile or Auth__ClientSecret", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Echo on the peer through a channel configured as the services' peer clients are (call credentials on h2c).</summary>
    private async Task<string> CallPeerAsync(CallOptions options)
    {
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(peer.Address, new Grpc.Net.Client.GrpcChannelOptions
        {
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        var client = new NetworkPlatform.Testing.V1.EchoService.EchoServiceClient(channel);
        return (await client.EchoAsync(new NetworkPlatform.Testing.V1.EchoRequest { Message = "hi" }, options.WithDeadline(DateTime.UtcNow.AddSeconds(30)))).Message;
    }

    /// <summary>The calling side's services, as a distributed host registers them (nothing is served).</summary>
    private IServiceProvider CallingService(Dictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["Logging:Format"] = "text";
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }
        builder.AddServiceDefaults("groups");
        builder.AddServiceIdentity("groups");
        var app = builder.Build();
        apps.Add(app);
        return app.Services;
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
