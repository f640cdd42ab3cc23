using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkPlatform.Storage.Postgres;
using NetworkPlatform.Storage.Tests.Contract;
using NetworkPlatform.Testing;
using Npgsql;

namespace NetworkPlatform.Storage.Tests;

public sealed class PostgresDocumentStoreTests : DocumentStoreContract
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected override async Task<string> CreateDatabaseAsync() => await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("contract");

    protected override StorageUnderTest Open(string databaseLocation) => StorageUnderTest.Of(new PostgresDocumentStore(databaseLocation));

    protected override Task<string> ExplainAsync(StorageUnderTest storage, string networkId, DocumentQuery<Meeting> query) =>
        ((PostgresDocumentStore)storage.Documents).ExplainAsync(Meeting.Collection, networkId, query);

    protected override bool UsesIndexInOrder(string plan, string index) =>
        Regex.IsMatch(plan, $@"Index Scan (Backward )?using dx_meetings_{index}_[0-9a-f]{{8}}\b") && !plan.Contains("Sort",
            StringComparison.Ordinal);

    protected override bool SeeksToTheKey(string plan) => Regex.IsMatch(plan, "Index Cond: .* >= ");

    protected override async Task<string> CreateFormerVersionDatabaseAsync(string networkId, Meeting meeting)
    {
        var database = await CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await ExecuteAsync(connection,
            "CREATE TABLE schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var (version, name, sql) in PostgresSchema.Migrations.Where(m => m.Version < 3))
        {
            await ExecuteAsync(connection, sql);
            await ExecuteAsync(connection, "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", ("version", version),
                ("name", name));
        }
        // As that version wrote a document: its body, and a row per index entry in document_index.
        await ExecuteAsync(connection, "INSERT INTO documents VALUES ('meetings', @network, @id, 1, @body::jsonb)",
            ("network", networkId), ("id", meeting.Id), ("body", JsonSerializer.Serialize(meeting,
                new JsonSerializerOptions(JsonSerializerDefaults.Web))));
        foreach (var (index, value) in new[] { ("group", meeting.GroupId), ("kind", meeting.Kind), ("chair", meeting.Chair!) })
        {
            await ExecuteAsync(connection, "INSERT INTO document_index VALUES ('meetings', @network, @index, @value, @id)",
                ("network", networkId), ("index", index), ("value", value), ("id", meeting.Id));
        }
        return database;
    }

    protected override async Task<IReadOnlyList<string>> SchemaAsync(string databaseLocation)
    {
        await using var connection = new NpgsqlConnection(databaseLocation);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT relname::text FROM pg_class WHERE relkind IN ('r', 'i') AND relnamespace = current_schema()::regnamespace", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    [Fact]
    public async Task a_commit_by_another_process_wakes_the_relay_lock_holder_through_notify()
    {
        var database = await CreateDatabaseAsync();
        await using var relay = new PostgresDocumentStore(database);
        await using var otherProcess = new PostgresDocumentStore(database); // Its own pool: nothing shared in memory.
        await relay.MigrateAsync([]);
        await using var held = await relay.TryAcquireRelayLockAsync();
        Assert.NotNull(held);
        var signal = relay.NextCommit;

        await using (var unit = await otherProcess.BeginAsync())
        {
            await unit.EnqueueAsync(new OutboxMessage(Guid.NewGuid(), "MeetingScheduled", "network-a", "m-1", 1, DateTimeOffset.UtcNow, "{}", null));
            await unit.CommitAsync();
        }

        await signal.WaitAsync(Patience);
    }

    [Fact]
    public async Task the_relay_lock_is_reported_lost_when_its_backend_is_terminated_and_another_relay_can_take_it()
    {
        var database = await CreateDatabaseAsync();
        await using var first = new PostgresDocumentStore(database);
        await using var second = new PostgresDocumentStore(database);
        await first.MigrateAsync([]);
        var held = await first.TryAcquireRelayLockAsync();
        Assert.NotNull(held);
        Assert.Null(await second.TryAcquireRelayLockAsync());

        Assert.Equal(1, await TerminateRelayLockHolderAsync(database));

        await Task.Delay(Timeout.Infinite, held.Lost).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(Patience);
        await using var next = await second.TryAcquireRelayLockAsync();
        Assert.NotNull(next);
        // The former holder's commits notify again (while it held the lock it woke only its own relay).
        var signal = second.NextCommit;
        await using (var unit = await first.BeginAsync())
        {
            await unit.EnqueueAsync(new OutboxMessage(Guid.NewGuid(), "MeetingScheduled", "network-a", "m-1", 1, DateTimeOffset.UtcNow, "{}", null));
            await unit.CommitAsync();
        }
        await signal.WaitAsync(Patience);
        await held.DisposeAsync(); // Disposing a lost lock is harmless and does not release the new holder's.
        Assert.Null(await first.TryAcquireRelayLockAsync());
    }

    [Fact]
    public async Task a_relay_lock_holder_reads_no_pending_message_once_another_relay_started_a_newer_epoch()
    {
        var database = await CreateDatabaseAsync();
        await using var relay = new PostgresDocumentStore(database);
        await relay.MigrateAsync([]);
        await using (var unit = await relay.BeginAsync())
        {
            await unit.EnqueueAsync(new OutboxMessage(Guid.NewGuid(), "MeetingScheduled", "network-a", "m-1", 1, DateTimeOffset.UtcNow, "{}", null));
            await unit.CommitAsync();
        }
        await using var held = await relay.TryAcquireRelayLockAsync();
        Assert.NotNull(held);
        Assert.Single(await relay.ReadPendingAsync(10));

        // What a replica taking the lock does, seen from a holder whose session ended before its listener noticed.
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var takeOver = new NpgsqlCommand("UPDATE outbox_relay SET epoch = epoch + 1", connection);
            await takeOver.ExecuteNonQueryAsync();
        }

        Assert.Empty(await relay.ReadPendingAsync(10));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What an operator, a failover or a network cut does to the relay's session; returns how many were ended.</summary>
    internal static async Task<int> TerminateRelayLockHolderAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
