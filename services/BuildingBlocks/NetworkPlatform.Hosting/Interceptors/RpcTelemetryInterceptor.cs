using System.Diagnostics;
using System.Diagnostics.Metrics;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Grpc;
using NetworkPlatform.Hosting.Telemetry;

namespace NetworkPlatform.Hosting.Interceptors;

/// <summary>
/// RPC metrics and span attributes after the OpenTelemetry RPC semantic conventions (rpc.system, rpc.service,
/// rpc.method, rpc.grpc.status_code; histogram rpc.server.call.duration in seconds), and one log line per failed call.
/// Calls refused before routing (unknown service or method, non-gRPC content-type) count too, under service and method
/// "_OTHER" (their paths come from clients, unbounded), with the exact path in their log line.
/// The span itself is ASP.NET Core's request activity, which already continues the caller's traceparent.
/// </summary>
public sealed class RpcTelemetryInterceptor(ILogger<RpcTelemetryInterceptor> logger) : ServerInterceptor
{
    private static readonly Histogram<double> Duration = PlatformTelemetry.Meter.CreateHistogram<double>(
        "rpc.server.call.duration", unit: "s", description: "Duration of gRPC calls served",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    public override ValueTask OnCallStartingAsync(ServerCallContext context, IMessage? request)
    {
        if (Activity.Current is { } activity)
        {
            var (service, method) = Split(context.Method);
            activity.DisplayName = service + "/" + method;
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", service);
            activity.SetTag("rpc.method", method);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The semantic conventions' value for a method (or service) the instrumentation does not know.</summary>
    internal const string Other = "_OTHER";

    public override void OnCallCompleted(ServerCallContext context, CallOutcome outcome)
    {
        var (service, method) = outcome.Refused ? (Other, Other) : Split(context.Method);
        Duration.Record(outcome.Duration.TotalSeconds,
            new KeyValuePair<string, object?>("rpc.system", "grpc"),
            new KeyValuePair<string, object?>("rpc.service", service),
            new KeyValuePair<string, object?>("rpc.method", method),
            new KeyValuePair<string, object?>("rpc.grpc.status_code", (int)outcome.StatusCode));
        Activity.Current?.SetTag("rpc.grpc.status_code", (int)outcome.StatusCode);

        if (outcome.Refused)
        {
            Activity.Current?.SetTag("rpc.system", "grpc");
            logger.LogInformation("{RpcMethod} refused with HTTP {HttpStatusCode} and {StatusCode}: {Detail}", context.Method, outcome.HttpStatusCode, outcome.StatusCode, outcome.Detail);
            return;
        }
        switch (outcome.StatusCode)
        {
            case StatusCode.OK:
                break;
            case StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss:
                Activity.Current?.SetStatus(ActivityStatusCode.Error, outcome.Detail);
                logger.LogError(outcome.Exception, "{RpcMethod} failed with {StatusCode} after {ElapsedMs:F1} ms: {Detail}", context.Method, outcome.StatusCode, outcome.Duration.TotalMilliseconds, outcome.Detail);
                break;
            default:
                logger.LogInformation("{RpcMethod} answered {StatusCode} after {ElapsedMs:F1} ms: {Detail}", context.Method, outcome.StatusCode, outcome.Duration.TotalMilliseconds, outcome.Detail);
                break;
        }
    }

    internal static (string Service, string Method) Split(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash > 0 ? (path[1..slash], path[(slash + 1)..]) : (path.TrimStart('/'), "");
    }
}
