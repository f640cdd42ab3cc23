using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkPlatform.Storage;
using Npgsql;
using NpgsqlTypes;

namespace NetworkPlatform.Benchmarks.Storage;

/// <summary>A meeting-sized aggregate (about 400 bytes of JSON) with two indexed fields.</summary>
public sealed record BenchDocument(string Id, string GroupId, string Kind, string Title, string Chair, string Location, DateTimeOffset StartsAt, string[] Agenda)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly DocumentCollection<BenchDocument> Collection = new("meetings", d => d.Id, new Dictionary<string, Func<BenchDocument, string?>>
    {
        ["group"] = d => d.GroupId,
        ["kind"] = d => d.Kind,
    });

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
        (await store.QueryAsync(Collection, networkId, new DocumentQuery([new IndexFilter("group", groupId)], pageSize))).Items.Count;

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
    }

    public async Task InsertAsync(BenchDocument document)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = Command(transaction, "INSERT INTO documents (collection, network_id, id, version, body) VALUES ('meetings', @network, @id, 1, @body) ON CONFLICT DO NOTHING", document.Id);
        insert.Parameters.AddWithValue("@body", JsonSerializer.Serialize(document, BenchDocument.Json));
        await insert.ExecuteNonQueryAsync();
        await IndexAsync(transaction, document);
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
        using var unindex = Command(transaction, "DELETE FROM document_index WHERE collection = 'meetings' AND network_id = @network AND id = @id", document.Id);
        await unindex.ExecuteNonQueryAsync();
        await IndexAsync(transaction, document);
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
        using var select = Command(null, """
            SELECT d.id, d.version, d.body FROM document_index i0
            JOIN documents d ON d.collection = i0.collection AND d.network_id = i0.network_id AND d.id = i0.id
            WHERE i0.collection = 'meetings' AND i0.network_id = @network AND i0.index_name = 'group' AND i0.value = @value
              AND i0.id > '' ORDER BY i0.id LIMIT @limit
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

    private async Task IndexAsync(SqliteTransaction transaction, BenchDocument document)
    {
        using var index = Command(transaction, "INSERT INTO document_index (collection, network_id, index_name, value, id) VALUES ('meetings', @network, @name, @value, @id)", document.Id);
        var name = index.Parameters.Add(new SqliteParameter { ParameterName = "@name" });
        var value = index.Parameters.Add(new SqliteParameter { ParameterName = "@value" });
        foreach (var (n, v) in new[] { ("group", document.GroupId), ("kind", document.Kind) })
        {
            name.Value = n;
            value.Value = v;
            await index.ExecuteNonQueryAsync();
        }
    }

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

/// <summary>The floor for PostgreSQL: one open connection, the same single-round-trip statements as the adapter.</summary>
public sealed class BarePostgresLoop : IStorageLoop
{
    private readonly NpgsqlConnection connection;
    private readonly string networkId;

    public BarePostgresLoop(string connectionString, string networkId)
    {
        this.networkId = networkId;
        connection = new NpgsqlConnection(connectionString);
        connection.Open();
    }

    public async Task InsertAsync(BenchDocument document)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = Command(transaction, """
            WITH inserted AS (
                INSERT INTO documents (collection, network_id, id, version, body) VALUES ('meetings', @network, @id, 1, @body)
                ON CONFLICT DO NOTHING RETURNING id),
            indexed AS (
                INSERT INTO document_index (collection, network_id, index_name, value, id)
                SELECT 'meetings', @network, entry.name, entry.value, inserted.id
                FROM inserted CROSS JOIN unnest(@names, @values) AS entry(name, value))
            SELECT count(*) FROM inserted
            """, document);
        await insert.ExecuteScalarAsync();
        await transaction.CommitAsync();
    }

    public async Task<long> ReplaceAsync(BenchDocument document, long expectedVersion)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var update = Command(transaction, """
            WITH updated AS (
                UPDATE documents SET version = version + 1, body = @body
                WHERE collection = 'meetings' AND network_id = @network AND id = @id AND version = @expected
                RETURNING version),
            unindexed AS (
                DELETE FROM document_index
                WHERE collection = 'meetings' AND network_id = @network AND id = @id AND EXISTS (SELECT FROM updated)
                  AND (index_name, value) NOT IN (SELECT * FROM unnest(@names, @values))),
            indexed AS (
                INSERT INTO document_index (collection, network_id, index_name, value, id)
                SELECT 'meetings', @network, entry.name, entry.value, @id
                FROM updated CROSS JOIN unnest(@names, @values) AS entry(name, value)
                ON CONFLICT DO NOTHING)
            SELECT version FROM updated
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
            SELECT d.id, d.version, d.body FROM document_index i0
            JOIN documents d ON d.collection = i0.collection AND d.network_id = i0.network_id AND d.id = i0.id
            WHERE i0.collection = 'meetings' AND i0.network_id = @network AND i0.index_name = 'group' AND i0.value = @value
              AND i0.id > '' ORDER BY i0.id LIMIT @limit
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
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = ["group", "kind"] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("values", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [document.GroupId, document.Kind] });
        return command;
    }
}
