using Microsoft.Data.Sqlite;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage.Postgres;
using NetworkPlatform.Storage.Sqlite;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Groups.Tests.Support;

/// <summary>Opens a fresh, migrated database of one adapter for each test.</summary>
public abstract class StoreFixture
{
    internal abstract Task<GroupsHarness> OpenAsync();
}

public sealed class SqliteStore : StoreFixture, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("networkplatform-groups-").FullName;

    internal override async Task<GroupsHarness> OpenAsync()
    {
        var store = new SqliteDocumentStore(Path.Combine(directory, $"{Guid.NewGuid():N}.db"));
        await store.MigrateAsync(GroupsCollections.All);
        return new GroupsHarness(store, store);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

public sealed class PostgresStore : StoreFixture
{
    internal override async Task<GroupsHarness> OpenAsync()
    {
        var server = await PostgresServer.SharedAsync();
        var store = new PostgresDocumentStore(await server.CreateDatabaseAsync("groups"));
        await store.MigrateAsync(GroupsCollections.All);
        return new GroupsHarness(store, store);
    }
}
