using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NetworkPlatform.Messaging.Health;

/// <summary>
/// Unhealthy while any receive endpoint of this process is not consuming: its transport is starting again after the broker
/// went away, has stopped, or has faulted. MassTransit's own bus check calls a stopped endpoint only degraded, which
/// readiness reads as fine; so without this a service whose queue had lost its consumer answered SERVING.
/// </summary>
internal sealed class ConsumingHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = bus.CheckHealth();
        var notConsuming = health.Endpoints
            .Where(endpoint => endpoint.Value.Status != BusHealthStatus.Healthy)
            .Select(endpoint => $"{endpoint.Key} {endpoint.Value.Description}")
            .ToList();
        return Task.FromResult(notConsuming.Count == 0 && health.Status == BusHealthStatus.Healthy
            ? HealthCheckResult.Healthy($"{health.Endpoints.Count} receive endpoints consuming")
            : HealthCheckResult.Unhealthy(
                notConsuming.Count > 0 ? $"not consuming: {string.Join("; ", notConsuming)}" : health.Description));
    }
}
