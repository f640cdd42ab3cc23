using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NetworkPlatform.Storage.Sqlite;
using NetworkPlatform.Storage.Tests.Contract;

namespace NetworkPlatform.Storage.Tests;

public sealed class SqliteDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("networkplatform-sqlite-").FullName;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(directory, $"{Guid.NewGuid():N}.db"));

    protected override StorageUnderTest Open(string databaseLocation) => StorageUnderTest.Of(new SqliteDocumentStore(databaseLocation));

    protected override Task<string> ExplainAsync(StorageUnderTest storage, string networkId, DocumentQuery<Meeting> query) =>
        ((SqliteDocumentStore)storage.Documents).ExplainAsync(Meeting.Collection, networkId, query);

    protected override bool UsesIndexInOrder(string plan, string index) =>
        Regex.IsMatch(plan, $@"USING (COVERING )?INDEX dx_meetings_{index}_[0-9a-f]{{8}}\b") && !plan.Contains("TEMP B-TREE",
            StringComparison.Ordinal);

    protected override bool SeeksToTheKey(string plan) => plan.Contains("(network_id=? AND <expr>>?)", StringComparison.Ordinal);

    protected override async Task<string> CreateFormerVersionDatabaseAsync(string networkId, Meeting meeting)
    {
        var file = await CreateDatabaseAsync();
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        var schema = string.Concat(SqliteSchema.Migrations.Where(m => m.Version < 3).Select(m => m.Sql + ";\n"))
            + "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);\n"
            + string.Concat(SqliteSchema.Migrations.Where(m => m.Version < 3).Select(m => $"INSERT INTO schema_migrations VALUES "
                + $"({m.Version}, '{m.Name}', '2026-01-01');\n"));
        await ExecuteAsync(connection, schema);
        // As that version wrote a document: its body, and a row per index entry in document_index.
        await ExecuteAsync(connection, "INSERT INTO documents VALUES ('meetings', @network, @id, 1, @body)",
            ("@network", networkId), ("@id", meeting.Id), ("@body", JsonSerializer.Serialize(meeting,
                new JsonSerializerOptions(JsonSerializerDefaults.Web))));
        foreach (var (index, value) in new[] { ("group", meeting.GroupId), ("kind", meeting.Kind), ("chair", meeting.Chair!) })
        {
            await ExecuteAsync(connection, "INSERT INTO document_index VALUES ('meetings', @network, @index, @value, @id)",
                ("@network", networkId), ("@index", index), ("@value", value), ("@id", meeting.Id));
        }
        return file;
    }

    protected override async Task<IReadOnlyList<string>> SchemaAsync(string databaseLocation)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseLocation}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table', 'index')";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    public void Dispose()
    {
        // Pooled connections keep the files open; release them before removing the folder.
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }
}
