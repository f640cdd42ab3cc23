using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Storage.Postgres;
using NetworkPlatform.Storage.Sqlite;
using Npgsql;

namespace NetworkPlatform.Storage.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Health checks with this tag decide readiness (SERVING).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers the service's own database from the "Storage" configuration section: <see cref="IDocumentStore"/>,
    /// <see cref="IOutbox"/> and <see cref="IStorageDatabase"/> (plain, and keyed by <paramref name="serviceName"/> so
    /// the standalone host can hold four), schema migration at start-up (with the indexes <paramref name="collections"/>
    /// declare), the outbox backlog metrics (<see cref="StorageMetrics"/>), and a "storage-&lt;service&gt;" health check tagged "ready".
    /// </summary>
    public static IServiceCollection AddDocumentStore(
        this IServiceCollection services, IConfiguration storageSection, string serviceName,
            IReadOnlyCollection<IDocumentCollection> collections)
    {
        var options = storageSection.Get<StorageOptions>() ?? new StorageOptions();
        var adapter = CreateAdapter(options, serviceName);

        services.AddSingleton(adapter.Documents).AddKeyedSingleton(serviceName, adapter.Documents);
        services.AddSingleton(adapter.Outbox).AddKeyedSingleton(serviceName, adapter.Outbox);
        services.AddSingleton(adapter.Database).AddKeyedSingleton(serviceName, adapter.Database);
        services.AddSingleton<IHostedService>(sp =>
            new StorageMigrationService(adapter.Database, serviceName, collections,
                sp.GetRequiredService<ILogger<StorageMigrationService>>()));
        services.AddSingleton<IHostedService>(sp =>
            new OutboxBacklogSampler(adapter.Outbox, serviceName, sp.GetRequiredService<ILogger<OutboxBacklogSampler>>()));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"storage-{serviceName}", _ => new StorageHealthCheck(adapter.Database), HealthStatus.Unhealthy, [ReadyTag]));
        return services;
    }

    /// <summary>The adapter chosen by <see cref="StorageOptions.Provider"/>; it implements all three interfaces.</summary>
    public static (IDocumentStore Documents, IOutbox Outbox, IStorageDatabase Database) CreateAdapter(
        StorageOptions options, string serviceName)
    {
        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case StorageOptions.Sqlite:
                var file = Path.Combine(options.DataDirectory, $"{serviceName}.db");
                var sqlite = new SqliteDocumentStore(file);
                return (sqlite, sqlite, sqlite);
            case StorageOptions.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Storage__Provider is postgres but Storage__ConnectionString is empty: set it, "
                            + "e.g. Host=db;Username=membership;Password=...;Database=membership.");
                }
                var postgres = new PostgresDocumentStore(PooledConnectionString(options), defaultDatabase: serviceName);
                return (postgres, postgres, postgres);
            default:
                throw new InvalidOperationException(
                    $"Storage__Provider '{options.Provider}' is unknown: use sqlite (embedded) or postgres.");
        }
    }

    /// <summary>The connection string with the pool bounds of <paramref name="options"/> (Npgsql's: 100 connections, kept 5 min).</summary>
    private static string PooledConnectionString(StorageOptions options)
    {
        // Npgsql checks the others; a timeout of 0 s would mean waiting forever.
        if (options.ConnectionTimeout < TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException($"Storage__ConnectionTimeout is {options.ConnectionTimeout}; set it to 00:00:01 or more.");
        }
        return new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            MaxPoolSize = options.MaxPoolSize,
            ConnectionIdleLifetime = (int)options.ConnectionIdleLifetime.TotalSeconds,
            Timeout = (int)options.ConnectionTimeout.TotalSeconds,
        }.ConnectionString;
    }
}
