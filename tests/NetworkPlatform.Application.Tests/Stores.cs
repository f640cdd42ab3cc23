using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Application.Tests;

/// <summary>A fresh database on each adapter: a SQLite file, or a database on the private PostgreSQL server.</summary>
public static class Stores
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    public static async Task<IDocumentStore> CreateAsync(string provider)
    {
        var options = provider == Sqlite
            ? new StorageOptions { Provider = StorageOptions.Sqlite, DataDirectory = Directory.CreateTempSubdirectory("application-tests-").FullName }
            : new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("application") };
        var (documents, _, database) = StorageServiceCollectionExtensions.CreateAdapter(options, "application");
        await database.MigrateAsync([]);
        return documents;
    }
}
