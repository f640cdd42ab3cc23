using System.Diagnostics.Metrics;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NetworkPlatform.Grpc;
using NetworkPlatform.Grpc.Testing.V1;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Readiness;
using NetworkPlatform.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NetworkPlatform.Hosting.Tests;

/// <summary>A real host built with AddServiceDefaults, called over HTTP/2 by our client.</summary>
public sealed class ServiceDefaultsTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("np-defaults-").FullName;
    private readonly DevelopmentTokens tokens;
    private WebApplication app = null!;
    private GrpcChannel channel = null!;
    private bool databaseUp = true;

    public ServiceDefaultsTests() => tokens = DevelopmentTokens.LoadOrCreate(directory);

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Auth:Issuer"] = DevelopmentTokens.Issuer,
            ["Auth:Audience"] = DevelopmentTokens.Audience,
            ["Auth:SigningKeyFile"] = tokens.JwksPath,
            ["Logging:Format"] = "text",
        });
        builder.AddServiceDefaults("echo");
        builder.Services.AddHealthChecks().AddCheck("database", () => databaseUp ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("down"), [ReadinessMonitor.ReadyTag]);
        app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcServiceWithHealth<CallerEcho>();
        await app.StartAsync();
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    public async Task DisposeAsync()
    {
        channel.Dispose();
        await app.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task a_call_without_a_token_is_unauthenticated_and_a_valid_token_reaches_the_handler()
    {
        var client = new EchoService.EchoServiceClient(channel);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.EchoAsync(new EchoRequest { Message = "hi" }));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);

        var headers = new Metadata().Add("authorization", "Bearer " + tokens.Issue("alice", "net-1", [Roles.Secretariat]));
        var answer = await client.EchoAsync(new EchoRequest { Message = "hi" }, headers);
        Assert.Equal("hi from alice of net-1", answer.Message);
    }

    [Fact]
    public async Task health_and_reflection_answer_without_a_token()
    {
        var health = new Health.HealthClient(channel);
        var overall = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(ServingStatus.Serving, overall.Status);
    }

    [Fact]
    public async Task the_service_is_serving_only_while_its_ready_health_checks_pass()
    {
        var health = new Health.HealthClient(channel);
        var monitor = app.Services.GetServices<IHostedService>().OfType<ReadinessMonitor>().Single();
        var request = new HealthCheckRequest { Service = EchoService.ServiceName };

        await monitor.CheckOnceAsync(default);
        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(request)).Status);

        databaseUp = false;
        await monitor.CheckOnceAsync(default);
        Assert.Equal(ServingStatus.NotServing, (await health.CheckAsync(request)).Status);
    }

    [Fact]
    public async Task calls_are_measured_with_the_rpc_semantic_convention_attributes()
    {
        var measurements = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "rpc.server.call.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();

        await Assert.ThrowsAsync<RpcException>(async () => await new EchoService.EchoServiceClient(channel).EchoAsync(new EchoRequest()));

        var (seconds, attributes) = Assert.Single(measurements, m => (string?)m.Tags["rpc.method"] == "Echo");
        Assert.True(seconds > 0);
        Assert.Equal("grpc", attributes["rpc.system"]);
        Assert.Equal("networkplatform.testing.v1.EchoService", attributes["rpc.service"]);
        Assert.Equal((int)StatusCode.Unauthenticated, attributes["rpc.grpc.status_code"]);
    }

    private sealed class CallerEcho : EchoService.EchoServiceBase
    {
        public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
        {
            var caller = context.GetCaller();
            return Task.FromResult(new EchoResponse { Message = $"{request.Message} from {caller.Subject} of {caller.NetworkId}" });
        }
    }
}
