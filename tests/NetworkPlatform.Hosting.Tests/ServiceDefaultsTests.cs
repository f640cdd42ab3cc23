using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Grpc;
using NetworkPlatform.Grpc.Testing.V1;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Readiness;
using NetworkPlatform.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NetworkPlatform.Hosting.Tests;

/// <summary>A real host built with AddServiceDefaults, called over HTTP/2 by our client.</summary>
[Collection(MeasuredCallsCollection.Name)]
public sealed class ServiceDefaultsTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("np-defaults-").FullName;
    private readonly DevelopmentTokens tokens;
    private readonly RecordingLoggerProvider logs = new();
    private WebApplication app = null!;
    private int port;
    private GrpcChannel channel = null!;
    private bool databaseUp = true;

    public ServiceDefaultsTests() => tokens = DevelopmentTokens.LoadOrCreate(directory);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Auth:Issuer"] = DevelopmentTokens.Issuer,
            ["Auth:Audience"] = DevelopmentTokens.Audience,
            ["Auth:SigningKeyFile"] = tokens.JwksPath,
            ["Logging:Format"] = "text",
        });
        builder.AddServiceDefaults("echo");
        builder.Logging.AddProvider(logs);
        builder.Services.AddHealthChecks().AddCheck("database", () => databaseUp ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("down"), [ReadinessMonitor.ReadyTag]);
        app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcServiceWithHealth<CallerEcho>();
        await app.StartAsync();
        port = new Uri(app.Urls.Single()).Port;
        channel = GrpcChannel.ForAddress(app.Urls.Single());
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
        using var listener = ListenToCallDurations(measurements);

        await Assert.ThrowsAsync<RpcException>(async () => await new EchoService.EchoServiceClient(channel).EchoAsync(new EchoRequest()));

        var (seconds, attributes) = Assert.Single(measurements, m => (string?)m.Tags["rpc.method"] == "Echo");
        Assert.True(seconds > 0);
        Assert.Equal("grpc", attributes["rpc.system"]);
        Assert.Equal("networkplatform.testing.v1.EchoService", attributes["rpc.service"]);
        Assert.Equal((int)StatusCode.Unauthenticated, attributes["rpc.grpc.status_code"]);
    }

    [Fact]
    public async Task calls_refused_before_routing_are_measured_under_other_and_logged_with_their_path()
    {
        var measurements = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = ListenToCallDurations(measurements);
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var unknown = await http.PostAsync($"http://127.0.0.1:{port}/nowhere.v1.Missing/Call", GrpcBody("application/grpc"));
        using var wrongType = await http.PostAsync($"http://127.0.0.1:{port}{EchoService.Methods.Echo.FullName}", GrpcBody("application/json"));

        Assert.Equal("12", unknown.Headers.GetValues("grpc-status").Single());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        var refused = measurements.Where(m => (string?)m.Tags["rpc.method"] == "_OTHER").Select(m => m.Tags).ToList();
        Assert.Contains(refused, t => (string?)t["rpc.service"] == "_OTHER" && (int?)t["rpc.grpc.status_code"] == (int)StatusCode.Unimplemented && (string?)t["rpc.system"] == "grpc");
        Assert.Contains(refused, t => (int?)t["rpc.grpc.status_code"] == (int)StatusCode.Unknown);
        Assert.Contains(logs.Messages, m => m.Contains("/nowhere.v1.Missing/Call refused with HTTP 200 and Unimplemented", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains($"{EchoService.Methods.Echo.FullName} refused with HTTP 415 and Unknown: Unsupported content-type 'application/json'", StringComparison.Ordinal));
    }

    private static ByteArrayContent GrpcBody(string contentType)
    {
        var body = new ByteArrayContent(new byte[5]);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return body;
    }

    private static MeterListener ListenToCallDurations(List<(double Seconds, Dictionary<string, object?> Tags)> measurements)
    {
        var listener = new MeterListener();
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
        return listener;
    }

    /// <summary>Every log message written through the host's logging, formatted.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new RecordingLogger(Messages);

        public void Dispose()
        {
        }

        private sealed class RecordingLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
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

/// <summary>
/// The RPC metrics are process-wide: tests that count measurements run alone, so calls made by other test classes'
/// hosts at the same time are not counted with theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredCallsCollection
{
    public const string Name = "measured calls";
}
