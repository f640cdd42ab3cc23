using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Grpc.Health;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NetworkPlatform.Hosting.Readiness;

/// <summary>
/// Marks the service's gRPC services SERVING in grpc.health.v1 only while every health check tagged "ready" passes
/// (the service's database from AddDocumentStore, the bus from MassTransit), re-checking every few seconds;
/// NOT_SERVING, with the failing check logged, otherwise. Draining on shutdown overrides it.
/// </summary>
public sealed class ReadinessMonitor(
    HealthStatusManager health,
    HealthCheckService checks,
    ServiceHealthNames names,
    IHostApplicationLifetime lifetime,
    ILogger<ReadinessMonitor> logger) : BackgroundService
{
    public const string ReadyTag = "ready";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private string? lastFailure = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up work (schema migrations) has finished once the host has started; checking earlier only reports that.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await CheckOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal async Task CheckOnceAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(r => r.Tags.Contains(ReadyTag), cancellationToken).ConfigureAwait(false);
        var failures = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy)
            .Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Exception?.Message ?? "unhealthy"}")
            .ToList();
        var failure = failures.Count == 0 ? null : string.Join("; ", failures);

        var status = failure is null ? ServingStatus.Serving : ServingStatus.NotServing;
        foreach (var name in names.Names)
        {
            health.SetStatus(name, status);
        }
        if (failure != lastFailure)
        {
            if (failure is null)
            {
                logger.LogInformation("Ready: {Services} SERVING", string.Join(", ", names.Names));
            }
            else
            {
                logger.LogWarning("Not ready, {Services} NOT_SERVING: {Failure}", string.Join(", ", names.Names), failure);
            }
            lastFailure = failure;
        }
    }
}

/// <summary>The gRPC service names whose health follows readiness (the service's own, e.g. networkplatform.membership.v1.MembershipService).</summary>
public sealed class ServiceHealthNames
{
    private readonly List<string> names = [];

    public IReadOnlyList<string> Names => names;

    public void Add(string serviceName) => names.Add(serviceName);
}
