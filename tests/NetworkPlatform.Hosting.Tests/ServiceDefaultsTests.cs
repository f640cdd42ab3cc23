using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Testing;
using NetworkPlatform.Testing.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NetworkPlatform.Hosting.Tests;

/// <summary>A real host built with AddServiceDefaults, called over HTTP/2 with Grpc.Net.Client.</summary>
[Collection(MeasuredCallsCollection.Name)]
public sealed class ServiceDefaultsTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("np-defaults-").FullName;
    private readonly DevelopmentTokens tokens;
    private readonly RecordingLoggerProvider logs = new();
    private EchoHost host = null!;
    private bool databaseUp = true;

    public ServiceDefaultsTests() => tokens = DevelopmentTokens.LoadOrCreate(directory);

    public async Task InitializeAsync() => host = await EchoHost.StartAsync(EchoHost.Accepting(tokens), builder =>
    {
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddHealthChecks().AddCheck("database", () => databaseUp ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("down"),
            [ServiceDefaults.ReadyTag]);
    });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private string Token => "Bearer " + tokens.Issue("alice", "net-1", [Roles.Secretariat]);

    [Fact]
    public async Task health_and_reflection_v1_and_v1alpha_answer_without_a_token()
    {
        var overall = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(ServingStatus.Serving, overall.Status);

        Assert.Contains(EchoService.Descriptor.FullName, await ListServicesV1Async());
        using var alpha = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(host.Channel).ServerReflectionInfo();
        await alpha.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        await alpha.RequestStream.CompleteAsync();
        Assert.True(await alpha.ResponseStream.MoveNext(default));
        Assert.Contains(alpha.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "grpc.health.v1.Health");
    }

    [Fact]
    public async Task the_service_is_serving_only_while_its_ready_health_checks_pass_and_unknown_services_are_not_found()
    {
        var health = new Health.HealthClient(host.Channel);
        var request = new HealthCheckRequest { Service = EchoService.Descriptor.FullName };

        // Statuses come from the checks' runs every 5 s, the first 5 s after the start.
        await StatusBecomesAsync(health, request, ServingStatus.Serving);

        databaseUp = false;
        await StatusBecomesAsync(health, request, ServingStatus.NotServing);
        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest { Service = "nowhere.v1.Missing" }));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task a_stopping_host_answers_not_serving_at_once()
    {
        var health = new Health.HealthClient(host.Channel);
        var request = new HealthCheckRequest { Service = EchoService.Descriptor.FullName };
        await StatusBecomesAsync(health, request, ServingStatus.Serving);
        var watch = health.Watch(request);
        Assert.True(await watch.ResponseStream.MoveNext(default));

        host.App.Lifetime.StopApplication();

        Assert.True(await watch.ResponseStream.MoveNext(default));
        Assert.Equal(ServingStatus.NotServing, watch.ResponseStream.Current.Status);
    }

    private static async Task StatusBecomesAsync(Health.HealthClient health, HealthCheckRequest request, ServingStatus expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                if ((await health.CheckAsync(request)).Status == expected)
                {
                    return;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                // Not published yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"{request.Service} did not become {expected} within 20 s.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task a_message_over_four_mebibytes_is_resource_exhausted()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[ServiceDefaults.MaxMessageSize + 1]) };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Echo.EchoAsync(request, new Metadata { { "authorization", Token } }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task calls_are_measured_with_the_rpc_semantic_convention_attributes()
    {
        var measurements = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = ListenToCallDurations(measurements);

        await Assert.ThrowsAsync<RpcException>(async () => await host.Echo.EchoAsync(new EchoRequest()));
        await host.EchoAsync(Token);

        var calls = measurements.Where(m => (string?)m.Tags["rpc.method"] == "Echo").ToList();
        Assert.All(calls, call =>
        {
            Assert.True(call.Seconds > 0);
            Assert.Equal("grpc", call.Tags["rpc.system"]);
            Assert.Equal("networkplatform.testing.v1.EchoService", call.Tags["rpc.service"]);
        });
        Assert.Equal([(int)StatusCode.Unauthenticated, (int)StatusCode.OK], calls.Select(c => (int?)c.Tags["rpc.grpc.status_code"]));
        Assert.Contains(logs.Messages, m => m.StartsWith("/networkplatform.testing.v1.EchoService/Echo answered Unauthenticated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task calls_to_unknown_services_are_measured_under_other_and_logged_with_their_path()
    {
        var measurements = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = ListenToCallDurations(measurements);
        var marshaller = Marshallers.Create(r => r.ToByteArray(), EchoRequest.Parser.ParseFrom);
        var missing = new Method<EchoRequest, EchoRequest>(MethodType.Unary, "nowhere.v1.Missing", "Call", marshaller, marshaller);
        using var unknown = host.Channel.CreateCallInvoker().AsyncUnaryCall(missing, null, new CallOptions(new Metadata { { "authorization", Token } }), new EchoRequest());

        var error = await Assert.ThrowsAsync<RpcException>(() => unknown.ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        var refused = Assert.Single(measurements).Tags;
        Assert.Equal(("_OTHER", "_OTHER", (int)StatusCode.Unimplemented), ((string?)refused["rpc.service"], (string?)refused["rpc.method"], (int?)refused["rpc.grpc.status_code"]));
        Assert.Contains(logs.Messages, m => m.StartsWith("/nowhere.v1.Missing/Call answered Unimplemented", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_call_continues_the_callers_trace_in_a_span_named_after_the_method()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var caller = ActivityTraceId.CreateRandom();

        await host.Echo.EchoAsync(new EchoRequest(), new Metadata { { "authorization", Token }, { "traceparent", $"00-{caller}-{ActivitySpanId.CreateRandom()}-01" } });

        var span = Assert.Single(spans, s => s.TraceId == caller);
        Assert.Equal("networkplatform.testing.v1.EchoService/Echo", span.DisplayName);
        Assert.Equal("grpc", span.GetTagItem("rpc.system"));
    }

    private async Task<List<string>> ListServicesV1Async()
    {
        using var call = new ServerReflection.ServerReflectionClient(host.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(default));
        return call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
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
