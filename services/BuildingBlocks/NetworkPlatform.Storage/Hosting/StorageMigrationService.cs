using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NetworkPlatform.Storage.Hosting;

/// <summary>
/// Brings the schema and the collections' declared indexes up to date before the service takes calls; waits for a database that is still
/// starting.
/// </summary>
internal sealed partial class StorageMigrationService(
    IStorageDatabase database, string serviceName, IReadOnlyCollection<IDocumentCollection> collections,
        ILogger<StorageMigrationService> logger) : IHostedService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            try
            {
                await database.MigrateAsync(collections, cancellationToken);
                LogMigrated(serviceName);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && DateTime.UtcNow < deadline)
            {
                LogRetrying(e, serviceName, RetryEvery.TotalSeconds);
                await Task.Delay(RetryEvery, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Service} database schema is up to date.")]
    private partial void LogMigrated(string service);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not migrate the {Service} database yet; retrying in {Seconds} s. "
            + "Check Storage__ConnectionString if this persists.")]
    private partial void LogRetrying(Exception exception, string service, double seconds);
}
