using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Membership.Tests.Features;

/// <summary>The membership service's database on a real adapter: a fresh SQLite file, or a fresh database on the private PostgreSQL.</summary>
public sealed class MembershipStore : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? directory;

    private MembershipStore(MembershipContext context, IOutbox outbox, string? directory)
    {
        Context = context;
        Outbox = outbox;
        this.directory = directory;
    }

    public MembershipContext Context { get; }

    public IOutbox Outbox { get; }

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    public static async Task<MembershipStore> CreateAsync(string provider)
    {
        string? directory = null;
        StorageOptions options;
        if (provider == Sqlite)
        {
            directory = Directory.CreateTempSubdirectory("membership-tests-").FullName;
            options = new StorageOptions { Provider = StorageOptions.Sqlite, DataDirectory = directory };
        }
        else
        {
            var server = await PostgresServer.SharedAsync();
            options = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = await server.CreateDatabaseAsync("membership") };
        }
        var (documents, outbox, database) = StorageServiceCollectionExtensions.CreateAdapter(options, MembershipModule.ServiceName);
        await database.MigrateAsync(MembershipCollections.All);
        return new MembershipStore(new MembershipContext(documents, TimeProvider.System), outbox, directory);
    }

    /// <summary>The events waiting in the outbox, oldest first, by type name (e.g. "MembershipResigned").</summary>
    public async Task<IReadOnlyList<OutboxMessage>> EventsAsync() => (await Outbox.ReadPendingAsync(10_000)).Select(p => p.Message).ToList();

    public async Task<IReadOnlyList<string>> EventNamesAsync() => (await EventsAsync()).Select(m => m.MessageType[(m.MessageType.LastIndexOf('.') + 1)..]).ToList();

    public async ValueTask DisposeAsync()
    {
        if (Context.Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        if (directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
