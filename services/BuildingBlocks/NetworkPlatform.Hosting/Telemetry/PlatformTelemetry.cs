using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NetworkPlatform.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry through OpenTelemetry.Extensions.Hosting: traces of our own code, ASP.NET Core, HttpClient, gRPC clients,
/// MassTransit and Npgsql; metrics of our own code (RPC server and client, messaging, storage, readiness), Kestrel,
/// MassTransit and Npgsql. Metrics are always collected and served as Prometheus text at <see cref="MetricsPath"/> (what
/// operators scrape); they and traces are also exported over OTLP when the standard OTEL_* variables ask for it
/// (OTEL_EXPORTER_OTLP_ENDPOINT, or OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER = otlp): nobody pays for spans that go
/// nowhere.
/// </summary>
public static class PlatformTelemetry
{
    public const string ActivitySourceName = "NetworkPlatform";

    /// <summary>Spans of our own code (use cases, relay, consumers).</summary>
    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    /// <summary>Meters of our own code; RPC metrics follow the OpenTelemetry RPC semantic conventions.</summary>
    public static readonly Meter Meter = new(ActivitySourceName);

    // Libraries that emit ActivitySource / Meter data natively; subscribed by name.
    internal static readonly string[] Sources = [ActivitySourceName, "NetworkPlatform.Messaging", "MassTransit", "Npgsql"];
    internal static readonly string[] Meters =
        [ActivitySourceName, "NetworkPlatform.Messaging", "NetworkPlatform.Storage", "Microsoft.AspNetCore.Server.Kestrel",
            "MassTransit", "Npgsql"];

    /// <summary>Where each service serves its metrics as Prometheus text (on its HTTP/1.1 port, HTTP_PORT).</summary>
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, string serviceName)
    {
        var settings = ExporterSettings.FromEnvironment();
        services.AddSingleton<IHealthCheckPublisher, ReadinessGauge>();
        // ConfigureResource's defaults also read OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(serviceName));
        if (settings.Traces)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(Sources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddGrpcClientInstrumentation()
                .AddOtlpExporter());
        }
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(Meters).AddPrometheusExporter();
            if (settings.Metrics)
            {
                metrics.AddOtlpExporter();
            }
        });
        return services;
    }

    /// <summary>JSON logs on stdout, each line carrying the trace and span ids of the current activity.</summary>
    public static ILoggingBuilder AddPlatformJsonLogs(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return logging;
    }

    internal sealed record ExporterSettings(bool Traces, bool Metrics)
    {
        public static ExporterSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

        public static ExporterSettings From(Func<string, string?> env)
        {
            var endpointSet = !string.IsNullOrWhiteSpace(env("OTEL_EXPORTER_OTLP_ENDPOINT"));
            return new ExporterSettings(Enabled(env("OTEL_TRACES_EXPORTER"), endpointSet),
                Enabled(env("OTEL_METRICS_EXPORTER"), endpointSet));
        }

        private static bool Enabled(string? exporter, bool endpointSet) => exporter?.Trim().ToLowerInvariant() switch
        {
            "otlp" => true,
            "none" => false,
            _ => endpointSet,
        };
    }
}
