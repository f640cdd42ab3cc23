using NetworkPlatform.Storage.Postgres;
using NetworkPlatform.Storage.Tests.Contract;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Storage.Tests;

public sealed class PostgresDocumentStoreTests : DocumentStoreContract
{
    protected override async Task<string> CreateDatabaseAsync() => await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("contract");

    protected override StorageUnderTest Open(string databaseLocation) => StorageUnderTest.Of(new PostgresDocumentStore(databaseLocation));
}
