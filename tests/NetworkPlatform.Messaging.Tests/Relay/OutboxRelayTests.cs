using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage.Hosting;
using Npgsql;

namespace NetworkPlatform.Messaging.Tests.Relay;

/// <summary>The relay's own duties over real RabbitMQ and real databases: its lock, its start, its housekeeping.</summary>
public sealed class OutboxRelayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _publisher = "membership-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _consumer = "reporting-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task a_relay_whose_lock_connection_is_terminated_stops_publishing_until_it_holds_the_lock_again()
    {
        var bus = await Environments.RabbitMqBusAsync();
        var publisherStorage = await Environments.StorageAsync(Environments.Postgres, _publisher);
        await using var consumer = await StartConsumerAsync(bus);
        await using var publisher = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>> { [_publisher] = publisherStorage },
            events => events.AddService(_publisher));
        await CommitVersionsAsync(publisher, 1, 5);
        await AssertSawAsync(consumer, 5);

        // Queue for the lock first, then end the relay's session: the lock passes to this connection, not back to the
        // relay. Like any relay taking the lock, it starts a new relay epoch.
        var connectionString = publisherStorage["ConnectionString"]!;
        var key = await RelayLockKeyAsync(connectionString);
        await using var intruder = await OpenUnpooledAsync(connectionString);
        await using var waitForLock = new NpgsqlCommand($"SELECT pg_advisory_lock({key}); UPDATE outbox_relay SET epoch = epoch + 1", intruder);
        var lockTaken = waitForLock.ExecuteNonQueryAsync();
        await TerminateRelayLockHolderAsync(connectionString, excluding: intruder.ProcessID);
        await lockTaken.WaitAsync(Patience);

        await CommitVersionsAsync(publisher, 6, 10);
        await Task.Delay(TimeSpan.FromSeconds(2)); // Commits wake the relay and it polls every second: long enough to publish, had it gone on.
        Assert.Equal([1, 2, 3, 4, 5], await Environments.VersionsSeenAsync(consumer.Store(_consumer), "group-1"));

        await intruder.CloseAsync(); // The relay takes the lock again and publishes what waited.
        await AssertSawAsync(consumer, 10);
    }

    [Fact]
    public async Task when_the_relay_lock_holder_loses_its_connection_another_replica_takes_over_and_nothing_is_lost_duplicated_or_reordered()
    {
        var bus = await Environments.RabbitMqBusAsync();
        var publisherStorage = await Environments.StorageAsync(Environments.Postgres, _publisher);
        var storage = new Dictionary<string, IReadOnlyDictionary<string, string?>> { [_publisher] = publisherStorage };
        await using var consumer = await StartConsumerAsync(bus);
        await using var replicaA = await ServiceHost.StartAsync(bus, storage, events => events.AddService(_publisher));
        await using var replicaB = await ServiceHost.StartAsync(bus, storage, events => events.AddService(_publisher));

        var terminated = 0;
        for (var round = 0; round < 4; round++)
        {
            await CommitVersionsAsync(round % 2 == 0 ? replicaA : replicaB, (round * 10) + 1, (round + 1) * 10);
            terminated += await TerminateRelayLockHolderAsync(publisherStorage["ConnectionString"]!, excluding: 0);
        }

        Assert.True(terminated >= 1, "no relay held the lock to be terminated");
        await AssertSawAsync(consumer, 40);
    }

    [Theory]
    [InlineData(Environments.Sqlite)]
    [InlineData(Environments.Postgres)]
    public async Task sent_messages_older_than_the_retention_are_purged_by_the_relay(string storage)
    {
        var bus = await Environments.RabbitMqBusAsync();
        bus["Bus:OutboxRetention"] = "00:00:00";
        bus["Bus:OutboxPurgeInterval"] = "00:00:00.100";
        var publisherStorage = await Environments.StorageAsync(storage, _publisher);
        await using var consumer = await StartConsumerAsync(bus);
        await using var publisher = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>> { [_publisher] = publisherStorage },
            events => events.AddService(_publisher));

        await CommitVersionsAsync(publisher, 1, 5);

        await AssertSawAsync(consumer, 5);
        await Eventually.HoldsAsync(async () => await OutboxRowCountAsync(publisherStorage) == 0, Patience, "the sent rows purged from the outbox");
    }

    [Fact]
    public async Task events_waiting_in_the_outbox_at_start_up_reach_a_consumer_of_the_same_process_on_a_fresh_broker()
    {
        var bus = await Environments.RabbitMqBusAsync(); // A new virtual host: no queue is bound yet.
        var publisherStorage = await Environments.StorageAsync(Environments.Sqlite, _publisher);
        var (documents, _, database) = StorageServiceCollectionExtensions.CreateAdapter(Bind(publisherStorage), _publisher);
        await database.MigrateAsync([]);
        for (var version = 1; version <= 3; version++)
        {
            await Producer.CommitAsync(documents, Producer.Event("group-1", version));
        }

        // The relay starts with the host and finds the three events at once; the consumer's queue is declared meanwhile.
        await using var host = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_publisher] = publisherStorage,
            [_consumer] = await Environments.StorageAsync(Environments.Sqlite, _consumer),
        }, events => events.AddService(_publisher).AddService(_consumer, service => service.AddHandler<AggregateLogProjection>()));

        await AssertSawAsync(host, 3);
    }

    private async Task<ServiceHost> StartConsumerAsync(Dictionary<string, string?> bus) =>
        await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_consumer] = await Environments.StorageAsync(Environments.Postgres, _consumer),
        }, events => events.AddService(_consumer, service => service.AddHandler<AggregateLogProjection>()));

    private async Task CommitVersionsAsync(ServiceHost host, int from, int to)
    {
        for (var version = from; version <= to; version++)
        {
            await Producer.CommitAsync(host.Store(_publisher), Producer.Event("group-1", version));
        }
    }

    private async Task AssertSawAsync(ServiceHost consumer, int versions)
    {
        await Eventually.HoldsAsync(
            async () => (await Environments.VersionsSeenAsync(consumer.Store(_consumer), "group-1")).Count >= versions, Patience, $"{versions} events");
        await Task.Delay(300); // A duplicate would land now.
        Assert.Equal(Enumerable.Range(1, versions).Select(v => (long)v), await Environments.VersionsSeenAsync(consumer.Store(_consumer), "group-1"));
    }

    private static StorageOptions Bind(IReadOnlyDictionary<string, string?> storage) =>
        new ConfigurationBuilder().AddInMemoryCollection(storage).Build().Get<StorageOptions>()!;

    private async Task<long> OutboxRowCountAsync(IReadOnlyDictionary<string, string?> storage)
    {
        if (storage["Provider"] == Environments.Postgres)
        {
            await using var connection = await OpenUnpooledAsync(storage["ConnectionString"]!);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox", connection);
            return (long)(await count.ExecuteScalarAsync())!;
        }
        await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(storage["DataDirectory"]!, _publisher + ".db")};Pooling=False");
        await sqlite.OpenAsync();
        await using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT count(*) FROM outbox";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<NpgsqlConnection> OpenUnpooledAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The relay's advisory lock key, read off the lock its relay holds (waits until one does).</summary>
    private static async Task<long> RelayLockKeyAsync(string connectionString)
    {
        await using var connection = await OpenUnpooledAsync(connectionString);
        long? key = null;
        await Eventually.HoldsAsync(async () =>
        {
            await using var command = new NpgsqlCommand($"SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks {AdvisoryLocksHeld}", connection);
            key = await command.ExecuteScalarAsync() as long?;
            return key is not null;
        }, Patience, "a relay holding its lock");
        return key!.Value;
    }

    /// <summary>What an operator, a failover or a network cut does to the relay's session; returns how many were ended.</summary>
    private static async Task<int> TerminateRelayLockHolderAsync(string connectionString, int excluding)
    {
        await using var connection = await OpenUnpooledAsync(connectionString);
        await using var command = new NpgsqlCommand($"SELECT count(pg_terminate_backend(pid)) FROM pg_locks {AdvisoryLocksHeld} AND pid <> {excluding}", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private const string AdvisoryLocksHeld =
        "WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
}
