using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace NetworkPlatform.Hosting.Telemetry;

/// <summary>
/// RPC metrics and span attributes after the OpenTelemetry RPC semantic conventions (rpc.system, rpc.service, rpc.method,
/// rpc.grpc.status_code; histogram rpc.server.call.duration in seconds), and one log line per failed call. A middleware in
/// front of everything, so it also sees calls refused before a handler runs: without a valid token (UNAUTHENTICATED), or
/// for an unknown service or method, counted under service and method "_OTHER" (their paths come from clients, unbounded)
/// with the exact path in their log line. The span is ASP.NET Core's request activity (it continues the caller's traceparent).
/// </summary>
public sealed class RpcTelemetry(RequestDelegate next, ILogger<RpcTelemetry> logger)
{
    /// <summary>The semantic conventions' value for a method (or service) the instrumentation does not know.</summary>
    internal const string Other = "_OTHER";

    /// <summary>Seconds; fine below 250 ms, where the latency alert's threshold lies.</summary>
    internal static readonly double[] BucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly Histogram<double> Duration = PlatformTelemetry.Meter.CreateHistogram<double>(
        "rpc.server.call.duration", unit: "s", description: "Duration of gRPC calls served",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BucketBoundaries });

    /// <summary>The semantic conventions' attributes of a call, served or made.</summary>
    internal static TagList Tags(string service, string method, StatusCode code) => new()
    {
        { "rpc.system", "grpc" },
        { "rpc.service", service },
        { "rpc.method", method },
        { "rpc.grpc.status_code", (int)code },
    };

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next(http).ConfigureAwait(false);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http).ConfigureAwait(false);
        }
        finally
        {
            Record(http, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Record(HttpContext http, TimeSpan elapsed)
    {
        var method = http.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        var (service, name) = method is null ? (Other, Other) : (method.ServiceName, method.Name);
        var (code, detail) = Status(http);
        Duration.Record(elapsed.TotalSeconds, Tags(service, name, code));
        if (Activity.Current is { } activity)
        {
            activity.DisplayName = service + "/" + name;
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", service);
            activity.SetTag("rpc.method", name);
            activity.SetTag("rpc.grpc.status_code", (int)code);
        }
        switch (code)
        {
            case StatusCode.OK:
                break;
            case StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss:
                Activity.Current?.SetStatus(ActivityStatusCode.Error, detail);
                logger.LogError("{RpcMethod} failed with {StatusCode} after {ElapsedMs:F1} ms: {Detail}",
                    http.Request.Path.Value, code, elapsed.TotalMilliseconds, detail);
                break;
            default:
                logger.LogInformation("{RpcMethod} answered {StatusCode} after {ElapsedMs:F1} ms: {Detail}",
                    http.Request.Path.Value, code, elapsed.TotalMilliseconds, detail);
                break;
        }
    }

    /// <summary>The call's grpc-status and grpc-message: in the trailers, or in the headers of a trailers-only response.</summary>
    private static (StatusCode Code, string? Detail) Status(HttpContext http)
    {
        if (http.RequestAborted.IsCancellationRequested)
        {
            return (StatusCode.Cancelled, "The client cancelled the call or went away.");
        }
        var trailers = http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        var headers = http.Response.Headers;
        var status = trailers?["grpc-status"] is { Count: > 0 } inTrailers ? inTrailers.ToString() : headers["grpc-status"].ToString();
        var message = trailers?["grpc-message"] is { Count: > 0 } messageInTrailers
            ? messageInTrailers.ToString()
            : headers["grpc-message"].ToString();
        if (!int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            // No gRPC status at all: the request was refused over HTTP (e.g. 415 for a wrong content-type), which clients read as UNKNOWN.
            return (StatusCode.Unknown, $"HTTP {http.Response.StatusCode}");
        }
        return ((StatusCode)code, message.Length == 0 ? null : Uri.UnescapeDataString(message));
    }

    /// <summary>Puts <see cref="RpcTelemetry"/> in front of the whole pipeline (before authentication and routing).</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<RpcTelemetry>();
            next(app);
        };
    }
}
