using NetworkPlatform.Storage.Hosting;
using NetworkPlatform.Storage.Tests.Contract;
using NetworkPlatform.Testing;
using Npgsql;

namespace NetworkPlatform.Storage.Tests;

/// <summary>
/// What the PostgreSQL adapter throws when the database cannot serve a call, on a real server: the port's
/// <see cref="StorageUnavailableException"/> (never a driver type) for what passes, <see cref="ConcurrencyConflictException"/>
/// for a lost deadlock.
/// </summary>
public sealed class PostgresFailureTests
{
    private const string Network = "network-a";

    [Fact]
    public async Task a_pool_whose_connections_are_all_busy_refuses_the_next_call_as_exhausted_until_one_is_free()
    {
        var server = await PostgresServer.SharedAsync();
        var (documents, _, database) = Adapter(await server.CreateDatabaseAsync("pool"), maxPoolSize: 2);
        await database.MigrateAsync([]);
        var first = await BeginWritingAsync(documents, "m-1");
        await using var second = await BeginWritingAsync(documents, "m-2");

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => documents.BeginAsync());
        var refusedRead = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => documents.GetAsync(Meeting.Collection, Network, "m-1"));

        Assert.Equal(StorageUnavailableException.PoolExhausted, refused.Reason);
        Assert.Equal(StorageUnavailableException.PoolExhausted, refusedRead.Reason);
        Assert.IsAssignableFrom<NpgsqlException>(refused.InnerException);
        await first.DisposeAsync();
        Assert.Null(await documents.GetAsync(Meeting.Collection, Network, "m-1"));
    }

    [Fact]
    public async Task a_server_refusing_more_connections_surfaces_as_the_connection_limit()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync("limit");
        var role = $"limited_{Guid.NewGuid():N}";
        await ExecuteAsync(connectionString, $"CREATE ROLE {role} LOGIN CONNECTION LIMIT 1");
        await ExecuteAsync(connectionString, $"GRANT ALL ON SCHEMA public TO {role}");
        var asRole = new NpgsqlConnectionStringBuilder(connectionString) { Username = role }.ConnectionString;
        var (documents, _, database) = Adapter(asRole, maxPoolSize: 4);
        await database.MigrateAsync([]);
        await using var holding = await BeginWritingAsync(documents, "m-1");

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => documents.GetAsync(Meeting.Collection, Network, "m-1"));

        Assert.Equal(StorageUnavailableException.ConnectionLimit, refused.Reason);
        Assert.Equal(PostgresErrorCodes.TooManyConnections, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
    }

    [Fact]
    public async Task a_stopped_server_makes_calls_unavailable_and_they_succeed_again_once_it_is_back()
    {
        var server = await PostgresServer.StartNewAsync(maxConnections: 20);
        try
        {
            var (documents, _, database) = Adapter(await server.CreateDatabaseAsync("restart"), maxPoolSize: 4);
            await database.MigrateAsync([]);
            await using (var unit = await BeginWritingAsync(documents, "m-1"))
            {
                await unit.CommitAsync();
            }

            await server.StopAsync();
            var whileDown = await Assert.ThrowsAsync<StorageUnavailableException>(
                () => documents.GetAsync(Meeting.Collection, Network, "m-1"));
            var writeWhileDown = await Assert.ThrowsAsync<StorageUnavailableException>(() => documents.BeginAsync());
            await server.StartAsync();

            Assert.Equal(StorageUnavailableException.Unreachable, whileDown.Reason);
            Assert.Equal(StorageUnavailableException.Unreachable, writeWhileDown.Reason);
            Assert.Equal(1, (await documents.GetAsync(Meeting.Collection, Network, "m-1"))?.Version);
            await using var after = await BeginWritingAsync(documents, "m-2");
            await after.CommitAsync();
        }
        finally
        {
            await server.StopAsync();
        }
    }

    [Fact]
    public async Task the_loser_of_a_deadlock_gets_a_version_conflict_and_the_winner_commits()
    {
        var server = await PostgresServer.SharedAsync();
        var (documents, _, database) = Adapter(await server.CreateDatabaseAsync("deadlock"), maxPoolSize: 4);
        await database.MigrateAsync([]);
        await using (var setup = await BeginWritingAsync(documents, "m-a"))
        {
            await setup.InsertAsync(Meeting.Collection, Network, new Meeting("m-b", "g-1", "startup", null, "B"));
            await setup.CommitAsync();
        }
        await using var one = await documents.BeginAsync();
        await using var other = await documents.BeginAsync();
        await one.ReplaceAsync(Meeting.Collection, Network, new Meeting("m-a", "g-1", "startup", null, "A by one"), 1);
        await other.ReplaceAsync(Meeting.Collection, Network, new Meeting("m-b", "g-1", "startup", null, "B by other"), 1);

        // Each now waits for the row the other holds: PostgreSQL ends one of them (deadlock_timeout, 1 s), whose locks go at once.
        var oneWaits = one.ReplaceAsync(Meeting.Collection, Network, new Meeting("m-b", "g-1", "startup", null, "B by one"), 1);
        var otherWaits = other.ReplaceAsync(Meeting.Collection, Network, new Meeting("m-a", "g-1", "startup", null, "A by other"), 1);
        await Task.WhenAll(oneWaits, otherWaits).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(30));

        var (loserWaits, winner, winnerWaits, contended) =
            oneWaits.IsFaulted ? (oneWaits, other, otherWaits, "m-b") : (otherWaits, one, oneWaits, "m-a");
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => loserWaits);
        Assert.Equal(PostgresErrorCodes.DeadlockDetected, Assert.IsType<PostgresException>(conflict.InnerException).SqlState);
        Assert.Equal((contended, 1L), (conflict.Id, conflict.CurrentVersion)); // The winner has not committed yet.
        Assert.Equal(2, await winnerWaits);
        await winner.CommitAsync();
    }

    private static (IDocumentStore Documents, IOutbox Outbox, IStorageDatabase Database) Adapter(string connectionString,
        int maxPoolSize) =>
        StorageServiceCollectionExtensions.CreateAdapter(
            new StorageOptions
            {
                Provider = StorageOptions.Postgres,
                ConnectionString = connectionString,
                MaxPoolSize = maxPoolSize,
                ConnectionTimeout = TimeSpan.FromSeconds(1),
            },
            "failures");

    /// <summary>A unit that holds its connection (and, having written, its transaction) until disposed.</summary>
    private static async Task<IUnitOfWork> BeginWritingAsync(IDocumentStore documents, string meetingId)
    {
        var unit = await documents.BeginAsync();
        await unit.InsertAsync(Meeting.Collection, Network, new Meeting(meetingId, "g-1", "startup", null, "Kick-off"));
        return unit;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
