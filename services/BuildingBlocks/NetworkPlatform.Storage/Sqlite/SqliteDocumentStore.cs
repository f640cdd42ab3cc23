using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkPlatform.Storage.Sql;

namespace NetworkPlatform.Storage.Sqlite;

/// <summary>
/// The embedded adapter: one SQLite file per service, WAL (readers never block the writer), and write units that
/// start with BEGIN IMMEDIATE so concurrent writers queue on the busy timeout instead of failing mid-transaction.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore, IOutbox, IStorageDatabase
{
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> ConfiguredHandles = new();

    private static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(30);

    private const string BusyMessage = "The database stayed busy with other writes for the whole wait; retry with backoff.";

    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly string connectionString;
    private readonly string relayLockFile;

    public SqliteDocumentStore(string databaseFile, JsonSerializerOptions? json = null)
    {
        DatabaseFile = Path.GetFullPath(databaseFile);
        Json = json ?? JsonFields.DefaultJson;
        Dialect = new SqliteDialect(new JsonFields(Json));
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabaseFile,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        relayLockFile = DatabaseFile + ".relay-lock";
    }

    public string DatabaseFile { get; }

    internal JsonSerializerOptions Json { get; }

    internal SqlDialect Dialect { get; }

    /// <summary>Units of work of this process that committed outbox rows (other processes are found by polling).</summary>
    internal OutboxCommitSignal Commits { get; } = new();

    public async Task<Versioned<T>?> GetAsync<T>(DocumentCollection<T> collection, string networkId, string id,
        CancellationToken cancellationToken = default)
        where T : class
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await GetAsync(connection, null, collection, networkId, id, cancellationToken);
    }

    public async Task<IReadOnlyList<Versioned<T>>> GetManyAsync<T>(
        DocumentCollection<T> collection, string networkId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT version, body FROM documents
            WHERE collection = @collection AND network_id = @network AND id IN (SELECT value FROM json_each(@ids))
            """;
        command.Parameters.AddWithValue("@collection", collection.Name);
        command.Parameters.AddWithValue("@network", networkId);
        command.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await DocumentSql.ReadDocumentsAsync(reader, Deserialize<T>, cancellationToken);
    }

    public async Task<Page<T>> QueryAsync<T>(DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken = default)
        where T : class
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, collection, networkId, query, cancellationToken);
    }

    internal async Task<Page<T>> QueryAsync<T>(
        SqliteConnection connection, SqliteTransaction? transaction, DocumentCollection<T> collection, string networkId,
            DocumentQuery<T> query, CancellationToken cancellationToken)
        where T : class
    {
        var sql = DocumentSql.Select(Dialect, collection, networkId, query);
        await using var command = Command(connection, sql);
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await DocumentSql.ReadPageAsync(reader, sql, Deserialize<T>, cancellationToken);
    }

    /// <summary>SQLite's plan for a query (EXPLAIN QUERY PLAN), to check which index serves it.</summary>
    internal async Task<string> ExplainAsync<T>(DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var sql = DocumentSql.Select(Dialect, collection, networkId, query);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql with { Text = "EXPLAIN QUERY PLAN " + sql.Text });
        var plan = new System.Text.StringBuilder();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.AppendLine(reader.GetString(3));
        }
        return plan.ToString();
    }

    public async Task<IUnitOfWork> BeginAsync(CancellationToken cancellationToken = default)
    {
        var writing = await EnterWriteAsync(cancellationToken);
        SqliteConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken);
            // deferred: false = BEGIN IMMEDIATE: take the write lock now (another process may hold it: busy timeout).
            var transaction = connection.BeginTransaction(deferred: false);
            return new SqliteUnitOfWork(this, connection, transaction, writing);
        }
        catch (Exception e)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            writing.Dispose();
            if (e is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY })
            {
                throw new StorageUnavailableException(StorageUnavailableException.Busy, BusyMessage, e); // Another process writes.
            }
            throw;
        }
    }

    public async Task<IReadOnlyList<PendingOutboxMessage>> ReadPendingAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, message_id, message_type, network_id, aggregate_id, aggregate_version, occurred_at, payload, trace_parent
            FROM outbox WHERE sent_at IS NULL ORDER BY sequence LIMIT @limit
            """;
        command.Parameters.AddWithValue("@limit", maxCount);
        var pending = new List<PendingOutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new PendingOutboxMessage(
                reader.GetInt64(0),
                new OutboxMessage(
                    Guid.Parse(reader.GetString(1)),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetInt64(5),
                    DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
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
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE outbox SET sent_at = @now WHERE sequence IN (SELECT value FROM json_each(@sequences))";
        command.Parameters.AddWithValue("@now", Timestamp(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("@sequences", JsonSerializer.Serialize(sequences));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), min(enqueued_at) FROM outbox WHERE sent_at IS NULL";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.IsDBNull(1))
        {
            return new OutboxBacklog(0, TimeSpan.Zero);
        }
        var age = DateTimeOffset.UtcNow
            - DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return new OutboxBacklog(reader.GetInt64(0), age < TimeSpan.Zero ? TimeSpan.Zero : age);
    }

    public async Task<int> PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken = default)
    {
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < @before";
        command.Parameters.AddWithValue("@before", Timestamp(sentBefore));
        var purged = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    public Task NextCommit => Commits.Next;

    /// <summary>An exclusive lock on a file beside the database (flock): released by the kernel if the process dies.</summary>
    public Task<IRelayLock?> TryAcquireRelayLockAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var lockFile = new FileStream(relayLockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return Task.FromResult<IRelayLock?>(new FileRelayLock(lockFile));
        }
        catch (IOException)
        {
            return Task.FromResult<IRelayLock?>(null);
        }
    }

    public async Task MigrateAsync(IReadOnlyCollection<IDocumentCollection> collections, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
        // BEGIN IMMEDIATE: a second process starting at the same time waits here, then finds the work done.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
            """, cancellationToken);
        var applied = new HashSet<long>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT version FROM schema_migrations";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt64(0));
            }
        }
        foreach (var (version, name, sql) in SqliteSchema.Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @now)";
            record.Parameters.AddWithValue("@version", version);
            record.Parameters.AddWithValue("@name", name);
            record.Parameters.AddWithValue("@now", Timestamp(DateTimeOffset.UtcNow));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await IndexAsync(connection, transaction, collections, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The declared indexes: created when missing (built from the stored bodies), dropped when no collection declares them any more.
    /// </summary>
    private async Task IndexAsync(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyCollection<IDocumentCollection> collections, CancellationToken cancellationToken)
    {
        var declared = collections
            .SelectMany(c => c.Indexes.Select(i => (Name: Dialect.IndexName(c, i), Sql: Dialect.CreateIndex(c, i))))
            .ToList();
        var existing = new List<string>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' AND substr(name, 1, "
                + "length(@prefix)) = @prefix";
            select.Parameters.AddWithValue("@prefix", SqlDialect.DeclaredIndexPrefix);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                existing.Add(reader.GetString(0));
            }
        }
        foreach (var stale in existing.Except(declared.Select(d => d.Name)))
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX {stale}", cancellationToken);
        }
        foreach (var (_, sql) in declared.Where(d => !existing.Contains(d.Name)))
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqlQuery sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql.Text;
        foreach (var (name, value) in sql.Parameters)
        {
            command.Parameters.AddWithValue("@" + name, value);
        }
        return command;
    }

    public async Task CheckReachableAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SELECT 1 FROM schema_migrations LIMIT 1", cancellationToken);
    }

    /// <summary>
    /// SQLite has one writer at a time. Writers of this process queue here, asynchronously, instead of blocking a
    /// thread each in BEGIN IMMEDIATE's busy wait; the busy timeout then only covers other processes.
    /// </summary>
    internal async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (!await writeGate.WaitAsync(WriteWait, cancellationToken))
        {
            throw new StorageUnavailableException(StorageUnavailableException.Busy, BusyMessage, new TimeoutException(
                $"No write turn on {DatabaseFile} within {WriteWait.TotalSeconds} s: a unit of work is held open too long; " +
                "dispose every unit of work promptly."));
        }
        return new WriteTurn(writeGate);
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per native connection, once: the pool hands the same handle out again, and a PRAGMA round costs as much
            // as a small query. NORMAL in WAL mode survives a process crash; only an OS crash can lose the last
            // commits, acceptable for the embedded mode.
            if (!ConfiguredHandles.TryGetValue(connection.Handle!, out _))
            {
                await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL", cancellationToken);
                ConfiguredHandles.AddOrUpdate(connection.Handle!, ConfiguredHandles);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal async Task<Versioned<T>?> GetAsync<T>(
        SqliteConnection connection, SqliteTransaction? transaction, DocumentCollection<T> collection, string networkId, string id,
        CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, body FROM documents WHERE collection = @collection AND network_id = @network AND id = @id";
        command.Parameters.AddWithValue("@collection", collection.Name);
        command.Parameters.AddWithValue("@network", networkId);
        command.Parameters.AddWithValue("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Versioned<T>(Deserialize<T>(reader.GetString(1)), reader.GetInt64(0))
            : null;
    }

    internal T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json)
            ?? throw new InvalidDataException("A stored document is the JSON null; delete or repair it.");

    internal static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    internal static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A field as SQLite reads it from the JSON body: json_extract gives text or integers.</summary>
    private sealed class SqliteDialect(JsonFields fields) : SqlDialect(fields)
    {
        public override string Expression(JsonField field) => $"json_extract(body, '$.{string.Join('.', field.Names)}')";

        // Without statistics SQLite guesses that a range on both ends narrows more than an equality: it would read the
        // range's index and check the equality on each row. The plan's index is the right one, so name it.
        public override string Documents(string? indexName) => indexName is null ? "documents" : $"documents INDEXED BY {indexName}";
    }

    /// <summary>A file lock cannot break while the process lives, so it is never lost.</summary>
    private sealed class FileRelayLock(FileStream lockFile) : IRelayLock
    {
        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => lockFile.DisposeAsync();
    }

    private sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
