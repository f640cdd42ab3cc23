using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkPlatform.Storage;
using Npgsql;
using NpgsqlTypes;

namespace NetworkPlatform.Benchmarks.Storage;

/// <summary>A meeting-sized aggregate (about 400 bytes of JSON) with two declared indexes.</summary>
public sealed record BenchDocument(string Id, string GroupId, string Kind, string Title, string Chair, string Location, DateTimeOffset StartsAt, string[] Agenda)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly DocumentCollection<BenchDocument> Collection = new DocumentCollection<BenchDocument>("meetings", d => d.Id)
        .WithIndex("group", d => d.GroupId)
        .WithIndex("kind", d => d.Kind);

    public static BenchDocument Create(int n, string title = "Interim meeting") => new(
        $"meeting-{n:D8}", $"group-{n % 20:D2}", n % 3 == 0 ? "startup" : "interim", title, "person-0042", "Oslo, room 3",
        new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(2)),
        ["Welcome", "Minutes of the last meeting", "Progress on the measures", "Budget", "Any other business"]);
}

/// <summary>The four measured operations; each side of the comparison implements them.</summary>
public interface IStorageLoop : IAsyncDisposable
{
    Task InsertAsync(BenchDocument document);

    Task<long> ReplaceAsync(BenchDocument document, long expectedVersion);

    Task<BenchDocument?> GetAsync(string id);

    Task<int> QueryAsync(string groupId, int pageSize);
}

/// <summary>Our adapter through the port: a unit of work per write, as a service would use it.</summary>
public sealed class PortLoop(IDocumentStore store, string networkId) : IStorageLoop
{
    private static readonly DocumentCollection<BenchDocument> Collection = BenchDocument.Collection;

    public async Task InsertAsync(BenchDocument document)
    {
        await using var unit = await store.BeginAsync();
        await unit.InsertAsync(Collection, networkId, document);
        await unit.CommitAsync();
    }

    public async Task<long> ReplaceAsync(BenchDocument document, long expectedVersion)
    {
        await using var unit = await store.BeginAsync();
        var version = await unit.ReplaceAsync(Collection, networkId, document, expectedVersion);
        await unit.CommitAsync();
        return version;
    }

    public async Task<BenchDocument?> GetAsync(string id) => (await store.GetAsync(Collection, networkId, id))?.Document;

    public async Task<int> QueryAsync(string groupId, int pageSize) =>
        (await store.QueryAsync(Collection, networkId, Collection.Query().Where(d => d.GroupId, groupId).Page(pageSize))).Items.Count;

    public ValueTask DisposeAsync() => store is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}

/// <summary>The floor for SQLite: one connection kept open, the same statements as the adapter, no port in between.</summary>
public sealed class BareSqliteLoop : IStorageLoop
{
    private readonly SqliteConnection connection;
    private readonly string networkId;

    public BareSqliteLoop(string file, string networkId)
    {
        this.networkId = networkId;
        connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL";
        pragmas.ExecuteNonQuery();
        // The declared index the adapter's migration created (its name ends in a hash of its definition).
        using var index = connection.CreateCommand();
        index.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'dx_meetings_group_%'";
        groupIndex = (string)index.ExecuteScalar()!;
    }

    private readonly string groupIndex;

    public async Task InsertAsync(BenchDocument document)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = Command(transaction, "INSERT INTO documents (collection, network_id, id, version, body) VALUES ('meetings', @network, @id, 1, @body) ON CONFLICT DO NOTHING", document.Id);
        insert.Parameters.AddWithValue("@body", JsonSerializer.Serialize(document, BenchDocument.Json));
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async Task<long> ReplaceAsync(BenchDocument document, long expectedVersion)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        using var update = Command(transaction, """
            UPDATE documents SET version = version + 1, body = @body
            WHERE collection = 'meetings' AND network_id = @network AND id = @id AND version = @expected RETURNING version
            """, document.Id);
        update.Parameters.AddWithValue("@body", JsonSerializer.Serialize(document, BenchDocument.Json));
        update.Parameters.AddWithValue("@expected", expectedVersion);
        var version = (long)(await update.ExecuteScalarAsync())!;
        await transaction.CommitAsync();
        return version;
    }

    public async Task<BenchDocument?> GetAsync(string id)
    {
        using var select = Command(null, "SELECT version, body FROM documents WHERE collection = 'meetings' AND network_id = @network AND id = @id", id);
        await using var reader = await select.ExecuteReaderAsync();
        return await reader.ReadAsync() ? JsonSerializer.Deserialize<BenchDocument>(reader.GetString(1), BenchDocument.Json) : null;
    }

    public async Task<int> QueryAsync(string groupId, int pageSize)
    {
        using var select = Command(null, $"""
            SELECT id, version, body, NULL FROM documents INDEXED BY {groupIndex}
            WHERE collection = 'meetings' AND network_id = @network AND json_extract(body, '$.groupId') = @value
            ORDER BY id LIMIT @limit
            """, "");
        select.Parameters.AddWithValue("@value", groupId);
        select.Parameters.AddWithValue("@limit", pageSize + 1);
        var count = 0;
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync() && count < pageSize)
        {
            JsonSerializer.Deserialize<BenchDocument>(reader.GetString(2), BenchDocument.Json);
            count++;
        }
        return count;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private SqliteCommand Command(SqliteTransaction? transaction, string sql, string id)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("@network", networkId);
        command.Parameters.AddWithValue("@id", id);
        return command;
    }
}

/// <summary>
/// The floor for PostgreSQL: one open connection, the same single-round-trip statements as the adapter, with the same
/// driver settings (auto-prepared statements), so the ratio is the port's own cost.
/// </summary>
public sealed class BarePostgresLoop : IStorageLoop
{
    private readonly NpgsqlConnection connection;
    private readonly string networkId;

    public BarePostgresLoop(string connectionString, string networkId)
    {
        this.networkId = networkId;
        connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString);
        connection.Open();
    }

    public async Task InsertAsync(BenchDocument document)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = Command(transaction, """
            INSERT INTO documents (collection, network_id, id, version, body) VALUES ('meetings', @network, @id, 1,
                @body) ON CONFLICT DO NOTHING
            """, document);
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async Task<long> ReplaceAsync(BenchDocument document, long expectedVersion)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var update = Command(transaction, """
            UPDATE documents SET version = version + 1, body = @body
            WHERE collection = 'meetings' AND network_id = @network AND id = @id AND version = @expected
            RETURNING version
            """, document);
        update.Parameters.Add(new NpgsqlParameter<long>("expected", expectedVersion));
        var version = (long)(await update.ExecuteScalarAsync())!;
        await transaction.CommitAsync();
        return version;
    }

    public async Task<BenchDocument?> GetAsync(string id)
    {
        await using var select = new NpgsqlCommand("SELECT version, body FROM documents WHERE collection = 'meetings' AND network_id = @network AND id = @id", connection);
        select.Parameters.Add(new NpgsqlParameter<string>("network", NpgsqlDbType.Text) { TypedValue = networkId });
        select.Parameters.Add(new NpgsqlParameter<string>("id", NpgsqlDbType.Text) { TypedValue = id });
        await using var reader = await select.ExecuteReaderAsync();
        return await reader.ReadAsync() ? JsonSerializer.Deserialize<BenchDocument>(reader.GetString(1), BenchDocument.Json) : null;
    }

    public async Task<int> QueryAsync(string groupId, int pageSize)
    {
        await using var select = new NpgsqlCommand("""
            SELECT id, version, body, NULL FROM documents
            WHERE collection = 'meetings' AND network_id = @network AND ((body #>> '{groupId}') COLLATE "C") = @value
            ORDER BY id LIMIT @limit
            """, connection);
        select.Parameters.Add(new NpgsqlParameter<string>("network", NpgsqlDbType.Text) { TypedValue = networkId });
        select.Parameters.Add(new NpgsqlParameter<string>("value", NpgsqlDbType.Text) { TypedValue = groupId });
        select.Parameters.Add(new NpgsqlParameter<int>("limit", pageSize + 1));
        var count = 0;
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync() && count < pageSize)
        {
            JsonSerializer.Deserialize<BenchDocument>(reader.GetString(2), BenchDocument.Json);
            count++;
        }
        return count;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private NpgsqlCommand Command(NpgsqlTransaction transaction, string sql, BenchDocument document)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("network", NpgsqlDbType.Text) { TypedValue = networkId });
        command.Parameters.Add(new NpgsqlParameter<string>("id", NpgsqlDbType.Text) { TypedValue = document.Id });
        command.Parameters.Add(new NpgsqlParameter<string>("body", NpgsqlDbType.Jsonb) { TypedValue = JsonSerializer.Serialize(document, BenchDocument.Json) });
        return command;
    }
}
