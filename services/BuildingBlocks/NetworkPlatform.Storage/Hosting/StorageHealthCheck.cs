using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NetworkPlatform.Storage.Hosting;

internal sealed class StorageHealthCheck(IStorageDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.CheckReachableAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database is not reachable: {e.Message}", e);
        }
    }
}
