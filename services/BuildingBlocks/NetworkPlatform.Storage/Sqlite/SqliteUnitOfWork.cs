using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkPlatform.Storage.Sql;

namespace NetworkPlatform.Storage.Sqlite;

internal sealed class SqliteUnitOfWork(
    SqliteDocumentStore store, SqliteConnection connection, SqliteTransaction transaction, IDisposable writeTurn)
    : IUnitOfWork
{
    // Written at commit, after every document change of this unit (see OutboxOrder in the ADR).
    private readonly List<OutboxMessage> outgoing = [];

    // Inbox marks written at commit: (consumer, message id).
    private readonly HashSet<(string Consumer, Guid MessageId)> handledAtCommit = [];

    // Statements this unit ran, kept compiled: SQLite compiles a write to documents with code for every index of the
    // table, which costs more than running it, so a unit that writes many documents (a consumer's group, a rebuild)
    // compiles each statement once.
    private readonly Dictionary<string, SqliteCommand> compiled = new(StringComparer.Ordinal);

    public async Task<Versioned<T>?> GetAsync<T>(DocumentCollection<T> collection, string networkId, string id,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var command = Command("SELECT version, body FROM documents WHERE collection = @collection AND network_id = @network AND id = @id",
            collection.Name, networkId, id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Versioned<T>(store.Deserialize<T>(reader.GetString(1)), reader.GetInt64(0))
            : null;
    }

    public Task<Page<T>> QueryAsync<T>(DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken = default)
        where T : class =>
        store.QueryAsync(connection, transaction, collection, networkId, query, cancellationToken);

    // BEGIN IMMEDIATE gave this unit the database's write lock: no other unit changes anything until it ends.
    public Task<Versioned<T>?> GetForUpdateAsync<T>(DocumentCollection<T> collection, string networkId, string id,
        CancellationToken cancellationToken = default)
        where T : class =>
        GetAsync(collection, networkId, id, cancellationToken);

    public async Task<long> InsertAsync<T>(DocumentCollection<T> collection, string networkId, T document,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var id = DocumentSql.IdOf(collection, document);
        JsonFields.EnsureIndexable(collection, document);
        var command = Command("""
            INSERT INTO documents (collection, network_id, id, version, body) VALUES (@collection, @network, @id, 1, @body)
            ON CONFLICT DO NOTHING
            """, collection.Name, networkId, id);
        command.Parameters.AddWithValue("@body", JsonSerializer.Serialize(document, store.Json));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new DuplicateDocumentException(collection.Name, id);
        }
        return 1;
    }

    public async Task<long> ReplaceAsync<T>(DocumentCollection<T> collection, string networkId, T document, long expectedVersion,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var id = DocumentSql.IdOf(collection, document);
        JsonFields.EnsureIndexable(collection, document);
        var command = Command("""
            UPDATE documents SET version = version + 1, body = @body
            WHERE collection = @collection AND network_id = @network AND id = @id AND version = @expected
            RETURNING version
            """, collection.Name, networkId, id);
        command.Parameters.AddWithValue("@body", JsonSerializer.Serialize(document, store.Json));
        command.Parameters.AddWithValue("@expected", expectedVersion);
        if (await command.ExecuteScalarAsync(cancellationToken) is not long newVersion)
        {
            throw await ConflictOrNotFoundAsync(collection.Name, networkId, id, cancellationToken);
        }
        return newVersion;
    }

    public async Task DeleteAsync<T>(DocumentCollection<T> collection, string networkId, string id, long expectedVersion,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var command = Command("""
            DELETE FROM documents WHERE collection = @collection AND network_id = @network AND id = @id AND version = @expected
            """, collection.Name, networkId, id);
        command.Parameters.AddWithValue("@expected", expectedVersion);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw await ConflictOrNotFoundAsync(collection.Name, networkId, id, cancellationToken);
        }
    }

    public async Task<long> NextAggregateVersionAsync(string networkId, string aggregateType, string aggregateId,
        CancellationToken cancellationToken = default)
    {
        // The aggregate type goes in as @collection: one compiled command per statement, like the documents' statements.
        var command = Command("""
            INSERT INTO aggregate_streams (network_id, aggregate_type, aggregate_id, version) VALUES (@network, @collection, @id, 1)
            ON CONFLICT (network_id, aggregate_type, aggregate_id) DO UPDATE SET version = aggregate_streams.version + 1
            RETURNING version
            """, aggregateType, networkId, aggregateId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        outgoing.Add(message);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlySet<Guid>> MarkHandledAsync(string consumer, IReadOnlyCollection<Guid> messageIds,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO inbox (consumer, message_id, handled_at) VALUES (@consumer, @messageId, @now) ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("@consumer", consumer);
        var messageId = command.Parameters.Add("@messageId", SqliteType.Text);
        command.Parameters.AddWithValue("@now", SqliteDocumentStore.Timestamp(DateTimeOffset.UtcNow));
        var marked = new HashSet<Guid>();
        foreach (var id in messageIds)
        {
            messageId.Value = id.ToString();
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                marked.Add(id);
            }
        }
        return marked;
    }

    public Task MarkHandledAtCommitAsync(string consumer, IReadOnlyCollection<Guid> messageIds,
        CancellationToken cancellationToken = default)
    {
        handledAtCommit.UnionWith(messageIds.Select(id => (consumer, id)));
        return Task.CompletedTask;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await WriteInboxAsync(cancellationToken);
        var enqueued = outgoing.Count > 0;
        if (enqueued)
        {
            await WriteOutboxAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (enqueued)
        {
            store.Commits.Notify();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in compiled.Values)
        {
            await command.DisposeAsync();
        }
        // A transaction neither committed nor rolled back rolls back here.
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
        writeTurn.Dispose();
    }

    public async Task<int> ScrubOutboxAsync(string networkId, IReadOnlyCollection<string> values, string replacement,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE outbox SET payload = replace(payload, @value, @replacement)
            WHERE network_id = @network AND instr(payload, @value) > 0
            """;
        command.Parameters.AddWithValue("@network", networkId);
        command.Parameters.AddWithValue("@replacement", replacement);
        var value = command.Parameters.Add("@value", SqliteType.Text);
        var changed = 0;
        foreach (var found in values.Where(v => v.Length > 0).Distinct())
        {
            value.Value = found;
            changed += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return changed;
    }

    /// <summary>No ON CONFLICT: a message handled before fails the commit (<see cref="MarkHandledAtCommitAsync"/>).</summary>
    private async Task WriteInboxAsync(CancellationToken cancellationToken)
    {
        if (handledAtCommit.Count == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO inbox (consumer, message_id, handled_at) VALUES (@consumer, @messageId, @now)";
        var consumer = command.Parameters.Add("@consumer", SqliteType.Text);
        var messageId = command.Parameters.Add("@messageId", SqliteType.Text);
        command.Parameters.AddWithValue("@now", SqliteDocumentStore.Timestamp(DateTimeOffset.UtcNow));
        foreach (var mark in handledAtCommit)
        {
            consumer.Value = mark.Consumer;
            messageId.Value = mark.MessageId.ToString();
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == 1555 /* SQLITE_CONSTRAINT_PRIMARYKEY */)
            {
                throw new MessageAlreadyHandledException($"{mark.Consumer} handled {mark.MessageId}", e);
            }
        }
        handledAtCommit.Clear();
    }

    private async Task WriteOutboxAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO outbox
                (message_id, message_type, network_id, aggregate_id, aggregate_version, occurred_at, payload, trace_parent, enqueued_at)
            VALUES (@messageId, @messageType, @network, @aggregateId, @aggregateVersion, @occurredAt, @payload, @traceParent, @now)
            """;
        var parameters = new[]
            {
                "@messageId", "@messageType", "@network", "@aggregateId", "@aggregateVersion", "@occurredAt", "@payload",
                "@traceParent", "@now",
            }
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name }))
            .ToArray();
        var now = SqliteDocumentStore.Timestamp(DateTimeOffset.UtcNow);
        foreach (var message in outgoing)
        {
            parameters[0].Value = message.MessageId.ToString();
            parameters[1].Value = message.MessageType;
            parameters[2].Value = message.NetworkId;
            parameters[3].Value = message.AggregateId;
            parameters[4].Value = message.AggregateVersion;
            parameters[5].Value = SqliteDocumentStore.Timestamp(message.OccurredAt);
            parameters[6].Value = message.Payload;
            parameters[7].Value = (object?)message.TraceParent ?? DBNull.Value;
            parameters[8].Value = now;
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == 2067 /* SQLITE_CONSTRAINT_UNIQUE */)
            {
                throw new InvalidOperationException(
                    $"Message {message.MessageId} is already in the outbox: give every event a new EventId.", e);
            }
        }
        outgoing.Clear();
    }

    private async Task<Exception> ConflictOrNotFoundAsync(string collection, string networkId, string id,
        CancellationToken cancellationToken)
    {
        var command = Command(
            "SELECT version FROM documents WHERE collection = @collection AND network_id = @network AND id = @id",
                collection, networkId, id);
        return await command.ExecuteScalarAsync(cancellationToken) is long current
            ? new ConcurrencyConflictException(collection, id, current)
            : new DocumentNotFoundException(collection, id);
    }

    private SqliteCommand Command(string sql, string collection, string networkId, string id)
    {
        if (!compiled.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            compiled[sql] = command;
        }
        command.Parameters.Clear();
        command.Parameters.AddWithValue("@collection", collection);
        command.Parameters.AddWithValue("@network", networkId);
        command.Parameters.AddWithValue("@id", id);
        return command;
    }
}
