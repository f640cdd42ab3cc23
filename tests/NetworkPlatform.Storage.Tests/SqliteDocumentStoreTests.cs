using NetworkPlatform.Storage.Sqlite;
using NetworkPlatform.Storage.Tests.Contract;

namespace NetworkPlatform.Storage.Tests;

public sealed class SqliteDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("networkplatform-sqlite-").FullName;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(directory, $"{Guid.NewGuid():N}.db"));

    protected override StorageUnderTest Open(string databaseLocation) => StorageUnderTest.Of(new SqliteDocumentStore(databaseLocation));

    public void Dispose()
    {
        // Pooled connections keep the files open; release them before removing the folder.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
