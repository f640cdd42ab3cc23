using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NetworkPlatform.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry without OpenTelemetry.Extensions.Hosting (not restorable here): builds the tracer and meter providers
/// at start, flushes and disposes them at shutdown. Exporters follow the standard OTEL_* variables and are off unless
/// OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER = otlp) asks for them.
/// </summary>
public static class PlatformTelemetry
{
    public const string ActivitySourceName = "NetworkPlatform";

    /// <summary>Spans of our own code (use cases, relay, consumers).</summary>
    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    /// <summary>Meters of our own code; RPC metrics follow the OpenTelemetry RPC semantic conventions.</summary>
    public static readonly Meter Meter = new(ActivitySourceName);

    // Libraries that emit ActivitySource / Meter data natively; subscribed by name.
    internal static readonly string[] Sources = [ActivitySourceName, "NetworkPlatform.Messaging", "Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "Npgsql"];
    internal static readonly string[] Meters = [ActivitySourceName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "MassTransit", "Npgsql"];

    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, string serviceName)
    {
        services.AddSingleton<IHostedService>(new TelemetryProviders(serviceName, ExporterSettings.FromEnvironment()));
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
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return logging;
    }

    internal sealed record ExporterSettings(bool Traces, bool Metrics)
    {
        public static ExporterSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

        public static ExporterSettings From(Func<string, string?> env)
        {
            var endpointSet = !string.IsNullOrWhiteSpace(env("OTEL_EXPORTER_OTLP_ENDPOINT"));
            return new ExporterSettings(Enabled(env("OTEL_TRACES_EXPORTER"), endpointSet), Enabled(env("OTEL_METRICS_EXPORTER"), endpointSet));
        }

        private static bool Enabled(string? exporter, bool endpointSet) => exporter?.Trim().ToLowerInvariant() switch
        {
            "otlp" => true,
            "none" => false,
            _ => endpointSet,
        };
    }

    private sealed class TelemetryProviders(string serviceName, ExporterSettings settings) : IHostedService, IDisposable
    {
        private TracerProvider? tracerProvider;
        private MeterProvider? meterProvider;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            // CreateDefault also reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
            var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
            if (settings.Traces)
            {
                tracerProvider = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(Sources).AddOtlpExporter().Build();
            }
            if (settings.Metrics)
            {
                meterProvider = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(Meters).AddOtlpExporter().Build();
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            tracerProvider?.ForceFlush(5000);
            meterProvider?.ForceFlush(5000);
            return Task.CompletedTask;
        }

        public void Dispose()
        {
            tracerProvider?.Dispose();
            meterProvider?.Dispose();
        }
    }
}
