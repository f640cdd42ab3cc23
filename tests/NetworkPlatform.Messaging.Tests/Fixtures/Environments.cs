using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Messaging.Tests.Fixtures;

/// <summary>Configuration for real servers: a fresh database per service and a fresh RabbitMQ virtual host per test.</summary>
public static class Environments
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>Short retries so failure tests stay quick.</summary>
    public const int RetryCount = 3;

    public static async Task<Dictionary<string, string?>> StorageAsync(string provider, string service)
    {
        if (provider == Postgres)
        {
            var postgres = await PostgresServer.SharedAsync();
            return new() { ["Provider"] = Postgres, ["ConnectionString"] = await postgres.CreateDatabaseAsync(service.Replace('-', '_')) };
        }
        var directory = Path.Combine(Path.GetTempPath(), "np-messaging-tests", Guid.NewGuid().ToString("N"));
        return new() { ["Provider"] = Sqlite, ["DataDirectory"] = directory };
    }

    /// <summary>A fresh virtual host on <paramref name="server"/>, by default the node shared by the test run.</summary>
    public static async Task<Dictionary<string, string?>> RabbitMqBusAsync(RabbitMqServer? server = null)
    {
        var rabbit = server ?? await RabbitMqServer.SharedAsync();
        var virtualHost = await rabbit.CreateVirtualHostAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "rabbitmq",
            ["Bus:RabbitMq:Host"] = rabbit.Host,
            ["Bus:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:RabbitMq:VirtualHost"] = virtualHost,
            ["Bus:RabbitMq:Username"] = rabbit.Username,
            ["Bus:RabbitMq:Password"] = rabbit.Password,
        };
        AddShortRetries(settings);
        return settings;
    }

    /// <summary>A service process's configuration: the bus settings and a fresh database of its own under "Storage:".</summary>
    public static async Task<Dictionary<string, string?>> ProcessAsync(Dictionary<string, string?> bus, string storage, string service)
    {
        var configuration = new Dictionary<string, string?>(bus);
        foreach (var (key, value) in await StorageAsync(storage, service))
        {
            configuration["Storage:" + key] = value;
        }
        return configuration;
    }

    public static Dictionary<string, string?> InMemoryBus()
    {
        var settings = new Dictionary<string, string?> { ["Bus:Transport"] = "inmemory" };
        AddShortRetries(settings);
        return settings;
    }

    public static async Task<IReadOnlyList<long>> VersionsSeenAsync(IDocumentStore store, string aggregateId)
    {
        var log = await store.GetAsync(AggregateLogProjection.Logs, Producer.NetworkId, aggregateId);
        return log?.Document.Versions ?? [];
    }

    private static void AddShortRetries(Dictionary<string, string?> settings)
    {
        for (var i = 0; i < RetryCount; i++)
        {
            settings[$"Bus:RetryIntervals:{i}"] = "00:00:00.020";
        }
    }
}
