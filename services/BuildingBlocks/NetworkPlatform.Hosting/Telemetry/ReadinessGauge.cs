using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NetworkPlatform.Hosting.Telemetry;

/// <summary>
/// networkplatform.readiness: 1 while the checks a service's readiness follows (tagged <see cref="ServiceDefaults.ReadyTag"/>:
/// database, bus consuming, not draining) passed at their last run, 0 otherwise. Fed by the health check publisher that
/// also feeds grpc.health.v1 (every 5 s), so the gauge and the probes never disagree.
/// </summary>
internal sealed class ReadinessGauge : IHealthCheckPublisher
{
    private int ready;

    public ReadinessGauge() =>
        PlatformTelemetry.Meter.CreateObservableGauge("networkplatform.readiness", () => Volatile.Read(ref ready), unit: "{ready}",
            description: "1 while the service's readiness checks pass (grpc.health.v1 SERVING), 0 while they do not");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var readiness = report.Entries.Where(e => e.Value.Tags.Contains(ServiceDefaults.ReadyTag)).ToList();
        Volatile.Write(ref ready, readiness.All(e => e.Value.Status == HealthStatus.Healthy) ? 1 : 0);
        return Task.CompletedTask;
    }
}
