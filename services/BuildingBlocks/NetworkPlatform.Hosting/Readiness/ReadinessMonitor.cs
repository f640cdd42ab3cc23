using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Grpc.Health;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NetworkPlatform.Hosting.Readiness;

/// <summary>Something a service needs to do its work, e.g. its database or the bus. Return false or throw when unreachable.</summary>
public interface IReadinessCheck
{
    string Name { get; }

    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}

/// <summary>A readiness check from a delegate, for registrations like AddReadinessCheck("database", store.PingAsync).</summary>
public sealed class DelegateReadinessCheck(string name, Func<CancellationToken, Task<bool>> check) : IReadinessCheck
{
    public string Name => name;

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => check(cancellationToken);
}

/// <summary>
/// Marks the service's gRPC services SERVING in grpc.health.v1 only while every readiness check passes, re-checking
/// every few seconds; NOT_SERVING (with the failing check logged) otherwise. Draining on shutdown overrides it.
/// </summary>
public sealed class ReadinessMonitor(
    HealthStatusManager health,
    IEnumerable<IReadinessCheck> checks,
    ServiceHealthNames names,
    ILogger<ReadinessMonitor> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    private readonly IReadinessCheck[] checks = checks.ToArray();
    private string? lastFailure = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await CheckOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal async Task CheckOnceAsync(CancellationToken cancellationToken)
    {
        string? failure = null;
        foreach (var check in checks)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CheckTimeout);
            try
            {
                if (!await check.IsReadyAsync(timeout.Token).ConfigureAwait(false))
                {
                    failure = $"{check.Name} is not ready";
                }
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"{check.Name} is unreachable: {error.Message}";
            }
            if (failure is not null)
            {
                break;
            }
        }

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

/// <summary>The gRPC service names whose health follows the readiness checks (the service's own, e.g. networkplatform.membership.v1.MembershipService).</summary>
public sealed class ServiceHealthNames
{
    private readonly List<string> names = [];

    public IReadOnlyList<string> Names => names;

    public void Add(string serviceName) => names.Add(serviceName);
}
