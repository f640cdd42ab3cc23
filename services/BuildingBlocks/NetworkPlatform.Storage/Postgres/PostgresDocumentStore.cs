using System.Text.Json;
using NetworkPlatform.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace NetworkPlatform.Storage.Postgres;

/// <summary>
/// The production adapter: one PostgreSQL database per service, documents as JSONB, index entries in a side table,
/// write units in READ COMMITTED with the version check in each UPDATE/DELETE's WHERE clause.
/// </summary>
public sealed class PostgresDocumentStore : IDocumentStore, IOutbox, IStorageDatabase, IAsyncDisposable
{
    private readonly NpgsqlConnectionStringBuilder connectionString;

    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="defaultDatabase">The database when the connection string names none (the service's name).</param>
    public PostgresDocumentStore(string connectionString, string? defaultDatabase = null, JsonSerializerOptions? json = null)
    {
        this.connectionString = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(this.connectionString.Database) && defaultDatabase is not null)
        {
            this.connectionString.Database = defaultDatabase;
        }
        // The adapter leaves no session state behind (no SET or temp tables; the relay lock uses its own unpooled
        // connection), so skip the DISCARD ALL that Npgsql otherwise sends on every pooled reuse (and that would
        // also drop the prepared statements below).
        this.connectionString.NoResetOnClose = true;
        // The adapter's statements are a fixed set: let Npgsql prepare them server-side once per connection.
        if (this.connectionString.MaxAutoPrepare == 0)
        {
            this.connectionString.MaxAutoPrepare = 64;
        }
        DataSource = NpgsqlDataSource.Create(this.connectionString);
        Json = json ?? JsonFields.DefaultJson;
        Dialect = new PostgresDialect(new JsonFields(Json));
    }

    internal NpgsqlDataSource DataSource { get; }

    internal JsonSerializerOptions Json { get; }

    internal SqlDialect Dialect { get; }

    /// <summary>Units of work that committed outbox rows: this process's directly, other processes' through NOTIFY.</summary>
    internal OutboxCommitSignal Commits { get; } = new();

    /// <summary>
    /// While this store holds the relay lock its own commits wake the relay in process, so they skip the NOTIFY: each
    /// one would otherwise wake the listening backend and this process once more per commit.
    /// </summary>
    internal bool HoldsRelayLock => Interlocked.Read(ref relayEpoch) != 0;

    /// <summary>
    /// The relay epoch this store's relay lock was taken in (<see cref="TryAcquireRelayLockAsync"/>); 0 when it holds none.
    /// </summary>
    private long relayEpoch;

    public async Task<Versioned<T>?> GetAsync<T>(DocumentCollection<T> collection, string networkId, string id,
        CancellationToken cancellationToken = default)
        where T : class
    {
        await using var connection = await PostgresFailures.Guard(DataSource.OpenConnectionAsync(cancellationToken));
        return await GetAsync(connection, null, collection, networkId, id, cancellationToken);
    }

    public async Task<IReadOnlyList<Versioned<T>>> GetManyAsync<T>(
        DocumentCollection<T> collection, string networkId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var command = DataSource.CreateCommand(
            "SELECT version, body FROM documents WHERE collection = @collection AND network_id = @network AND id = ANY(@ids)");
        command.Parameters.Add(Text("collection", collection.Name));
        command.Parameters.Add(Text("network", networkId));
        command.Parameters.Add(TextArray("ids", [.. ids]));
        await using var reader = await PostgresFailures.Guard(command.ExecuteReaderAsync(cancellationToken));
        return await DocumentSql.ReadDocumentsAsync(reader, Deserialize<T>, cancellationToken);
    }

    public Task<Page<T>> QueryAsync<T>(DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken = default)
        where T : class => QueryAsync(null, null, collection, networkId, query, cancellationToken);

    /// <summary>A query on a unit of work's connection (in its transaction once it has begun), or on a pooled one.</summary>
    internal async Task<Page<T>> QueryAsync<T>(
        NpgsqlConnection? connection, NpgsqlTransaction? transaction, DocumentCollection<T> collection, string networkId,
            DocumentQuery<T> query, CancellationToken cancellationToken)
        where T : class
    {
        var sql = DocumentSql.Select(Dialect, collection, networkId, query);
        await using var command = Command(sql, connection);
        if (transaction is not null)
        {
            command.Transaction = transaction;
        }
        await using var reader = await PostgresFailures.Guard(command.ExecuteReaderAsync(cancellationToken));
        return await DocumentSql.ReadPageAsync(reader, sql, Deserialize<T>, cancellationToken);
    }

    /// <summary>
    /// PostgreSQL's plan for a query (EXPLAIN), to check which index serves it. Sequential scans are off for it: on the
    /// small tables of a test PostgreSQL rightly reads the whole table, and the question is whether an index can serve.
    /// </summary>
    internal async Task<string> ExplainAsync<T>(DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var sql = DocumentSql.Select(Dialect, collection, networkId, query);
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SET LOCAL enable_seqscan = off", cancellationToken);
        await using var command = Command(sql with { Text = "EXPLAIN " + sql.Text }, connection);
        var plan = new System.Text.StringBuilder();
        await using var reader = await PostgresFailures.Guard(command.ExecuteReaderAsync(cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.AppendLine(reader.GetString(0));
        }
        return plan.ToString();
    }

    public async Task<IUnitOfWork> BeginAsync(CancellationToken cancellationToken = default) =>
        new PostgresUnitOfWork(this, await PostgresFailures.Guard(DataSource.OpenConnectionAsync(cancellationToken)));

    public async Task<IReadOnlyList<PendingOutboxMessage>> ReadPendingAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        // While this store holds the relay lock, read only while no other relay took the lock since (its epoch is still
        // the current one): a relay woken by a commit before its listener noticed its session's end must not publish
        // beside the replica holding the lock by now. (Asking pg_locks whether the session still holds the lock cost
        // more than the read itself: pg_lock_status copies every backend's locks under all lock partition locks.)
        await using var command = DataSource.CreateCommand("""
            SELECT sequence, message_id, message_type, network_id, aggregate_id, aggregate_version, occurred_at, payload, trace_parent
            FROM outbox WHERE sent_at IS NULL
              AND (@epoch = 0 OR EXISTS (SELECT FROM outbox_relay WHERE epoch = @epoch))
            ORDER BY sequence LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<long>("epoch", Interlocked.Read(ref relayEpoch)));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", maxCount));
        var pending = new List<PendingOutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new PendingOutboxMessage(
                reader.GetInt64(0),
                new OutboxMessage(
                    reader.GetGuid(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetInt64(5),
                    reader.GetFieldValue<DateTimeOffset>(6),
                    reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8))));
        }
        return pending;
    }

    public async Task MarkSentAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default)
    {
        if (sequences.Count == 0)
        {
            return;
        }
        await using var command = DataSource.CreateCommand("UPDATE outbox SET sent_at = now() WHERE sequence = ANY(@sequences)");
        command.Parameters.Add(new NpgsqlParameter<long[]>("sequences", [.. sequences]));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken = default)
    {
        // The age by the server's clock (enqueued_at is its now()), so a skewed client clock does not move it.
        await using var command = DataSource.CreateCommand(
            "SELECT count(*), coalesce(extract(epoch FROM now() - min(enqueued_at)), 0)::float8 FROM outbox WHERE sent_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxBacklog(reader.GetInt64(0), TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1))));
    }

    public async Task<int> PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < @before");
        command.Parameters.Add(new NpgsqlParameter<DateTime>("before", sentBefore.UtcDateTime));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task NextCommit => Commits.Next;

    /// <summary>
    /// A session advisory lock on a connection kept open by the handle: it ends when the handle or the process goes.
    /// The connection also LISTENs for the outbox notifications of every process's commits. Taking the lock starts a new
    /// relay epoch (a fencing token, see <see cref="ReadPendingAsync"/>).
    /// </summary>
    public async Task<IRelayLock?> TryAcquireRelayLockAsync(CancellationToken cancellationToken = default)
    {
        // Unpooled: the lock must end with this connection, never ride along in the pool. Keepalives while it waits
        // for notifications notice a dead server or network, not only a terminated backend.
        var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(connectionString.ConnectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresSchema.RelayLock})", connection);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                await using var listen = new NpgsqlCommand($"LISTEN {PostgresSchema.OutboxChannel}", connection);
                await listen.ExecuteNonQueryAsync(cancellationToken);
                await using var nextEpoch = new NpgsqlCommand("UPDATE outbox_relay SET epoch = epoch + 1 RETURNING epoch", connection);
                return await nextEpoch.ExecuteScalarAsync(cancellationToken) is long epoch
                    ? new RelayLock(this, connection, epoch)
                    : throw new InvalidOperationException(
                        "The outbox_relay table has lost its row: restore it with INSERT INTO outbox_relay (epoch) VALUES (0).");
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async Task MigrateAsync(IReadOnlyCollection<IDocumentCollection> collections, CancellationToken cancellationToken = default)
    {
        await EnsureDatabaseExistsAsync(cancellationToken);
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Replicas starting together queue on this lock (released at commit); the later ones find nothing to do.
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({PostgresSchema.MigrationLock})", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version int PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);
        var applied = new HashSet<int>();
        await using (var select = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }
        foreach (var (version, name, sql) in PostgresSchema.Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, sql, cancellationToken);
            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", connection);
            record.Parameters.Add(new NpgsqlParameter<int>("version", version));
            record.Parameters.Add(Text("name", name));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await IndexAsync(connection, collections, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CheckReachableAsync(CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    internal async Task<Versioned<T>?> GetAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, DocumentCollection<T> collection, string networkId, string id,
        CancellationToken cancellationToken, bool forUpdate = false)
        where T : class
    {
        await using var command = new NpgsqlCommand(
            "SELECT version, body FROM documents WHERE collection = @collection AND network_id = @network AND id = @id"
                + (forUpdate ? " FOR UPDATE" : ""),
                connection, transaction);
        command.Parameters.Add(Text("collection", collection.Name));
        command.Parameters.Add(Text("network", networkId));
        command.Parameters.Add(Text("id", id));
        await using var reader = await PostgresFailures.Guard(command.ExecuteReaderAsync(cancellationToken));
        return await reader.ReadAsync(cancellationToken)
            ? new Versioned<T>(Deserialize<T>(reader.GetString(1)), reader.GetInt64(0))
            : null;
    }

    /// <summary>The committed version of a document, 0 when there is none.</summary>
    internal async Task<long> GetVersionAsync(string collection, string networkId, string id, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT version FROM documents WHERE collection = @collection AND network_id = @network AND id = @id");
        command.Parameters.Add(Text("collection", collection));
        command.Parameters.Add(Text("network", networkId));
        command.Parameters.Add(Text("id", id));
        return await PostgresFailures.Guard(command.ExecuteScalarAsync(cancellationToken)) is long version ? version : 0;
    }

    internal T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json)
            ?? throw new InvalidDataException("A stored document is the JSON null; delete or repair it.");

    internal static NpgsqlParameter<string> Text(string name, string value) => new(name, NpgsqlDbType.Text) { TypedValue = value };

    internal static NpgsqlParameter<string> Jsonb(string name, string value) => new(name, NpgsqlDbType.Jsonb) { TypedValue = value };

    internal static NpgsqlParameter<string[]> TextArray(string name, string[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values };

    /// <summary>
    /// The declared indexes: created when missing (built from the stored bodies, so existing documents need no change),
    /// dropped when no collection declares them any more. CREATE INDEX holds off writes to the table while it builds:
    /// on a large table, the first start of a version that declares a new index takes that long.
    /// </summary>
    private async Task IndexAsync(NpgsqlConnection connection, IReadOnlyCollection<IDocumentCollection> collections,
        CancellationToken cancellationToken)
    {
        var declared = collections
            .SelectMany(c => c.Indexes.Select(i => (Name: Dialect.IndexName(c, i), Sql: Dialect.CreateIndex(c, i))))
            .ToList();
        var existing = new List<string>();
        await using (var select = new NpgsqlCommand(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'documents' AND "
                + "starts_with(indexname, @prefix)", connection))
        {
            select.Parameters.Add(Text("prefix", SqlDialect.DeclaredIndexPrefix));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                existing.Add(reader.GetString(0));
            }
        }
        foreach (var stale in existing.Except(declared.Select(d => d.Name)))
        {
            await ExecuteAsync(connection, $"DROP INDEX {stale}", cancellationToken);
        }
        foreach (var (name, sql) in declared.Where(d => !existing.Contains(d.Name)))
        {
            await ExecuteAsync(connection, sql, cancellationToken);
        }
    }

    private NpgsqlCommand Command(SqlQuery sql, NpgsqlConnection? connection = null)
    {
        var command = connection is null ? DataSource.CreateCommand(sql.Text) : new NpgsqlCommand(sql.Text, connection);
        foreach (var (name, value) in sql.Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }
        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One database per service: create it on first start when the role may (local runs); operators pre-create it in
    /// production.
    /// </summary>
    private async Task EnsureDatabaseExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = await DataSource.OpenConnectionAsync(cancellationToken);
            return;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Fall through and create it.
        }
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var quoted = "\"" + connectionString.Database!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        try
        {
            await ExecuteAsync(connection, $"CREATE DATABASE {quoted}", cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it a moment ago.
        }
    }

    /// <summary>
    /// A field as PostgreSQL reads it from the JSONB body: text in the "C" collation (bytewise, as ids), or cast to bigint.
    /// These are immutable expressions, so they can be indexed.
    /// </summary>
    private sealed class PostgresDialect(JsonFields fields) : SqlDialect(fields)
    {
        public override string Expression(JsonField field)
        {
            var value = $"(body #>> '{{{string.Join(',', field.Names)}}}')";
            return field.Kind switch
            {
                ScalarKind.Integer => $"({value}::bigint)",
                _ => $"({value} COLLATE \"C\")",
            };
        }
    }

    /// <summary>
    /// Waits on its connection for notifications, which also notices at once when the connection breaks (a terminated
    /// backend, a restarted server): the lock is then gone on the server, so <see cref="Lost"/> fires.
    /// </summary>
    private sealed class RelayLock : IRelayLock
    {
        private readonly NpgsqlConnection connection;
        private readonly CancellationTokenSource lost = new();
        private readonly CancellationTokenSource disposing = new();
        private readonly Task listening;
        private readonly PostgresDocumentStore store;
        private readonly long epoch;

        public RelayLock(PostgresDocumentStore store, NpgsqlConnection connection, long epoch)
        {
            this.store = store;
            this.connection = connection;
            this.epoch = epoch;
            Interlocked.Exchange(ref store.relayEpoch, epoch);
            connection.Notification += (_, _) => store.Commits.Notify();
            listening = ListenAsync();
        }

        public CancellationToken Lost => lost.Token;

        public async ValueTask DisposeAsync()
        {
            Release();
            await disposing.CancelAsync();
            await listening;
            // Closing the (unpooled) connection ends the session, and the advisory lock with it.
            await connection.DisposeAsync();
            lost.Dispose();
            disposing.Dispose();
        }

        private async Task ListenAsync()
        {
            try
            {
                while (true)
                {
                    await connection.WaitAsync(disposing.Token);
                }
            }
            catch (OperationCanceledException) when (disposing.IsCancellationRequested)
            {
                // Released by its holder.
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or ObjectDisposedException
                or InvalidOperationException)
            {
                // Another replica may take the lock now: from here on this process's commits must NOTIFY it. Cancel
                // first: once the epoch is cleared, reads are no longer fenced, so the relay must have stopped reading.
                await lost.CancelAsync();
                Release();
            }
        }

        /// <summary>Only this lock's own mark is cleared: a newer lock of the same store keeps its.</summary>
        private void Release() => Interlocked.CompareExchange(ref store.relayEpoch, 0, epoch);
    }
}
