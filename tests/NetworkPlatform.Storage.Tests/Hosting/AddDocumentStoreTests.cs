using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NetworkPlatform.Storage.Hosting;
using NetworkPlatform.Storage.Tests.Contract;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Storage.Tests.Hosting;

public sealed class AddDocumentStoreTests
{
    [Fact]
    public async Task sqlite_gives_each_service_its_own_file_under_the_data_directory_migrated_at_start()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"networkplatform-data-{Guid.NewGuid():N}");
        try
        {
            await using var provider = Build(new() { ["Storage:Provider"] = "sqlite", ["Storage:DataDirectory"] = dataDirectory }, "membership", "groups");

            await StartAsync(provider);

            Assert.True(File.Exists(Path.Combine(dataDirectory, "membership.db")));
            Assert.True(File.Exists(Path.Combine(dataDirectory, "groups.db")));
            var membership = provider.GetRequiredKeyedService<IDocumentStore>("membership");
            await using (var unit = await membership.BeginAsync())
            {
                await unit.InsertAsync(Meeting.Collection, "n-1", new Meeting("m-1", "g-1", "startup", null, "a"));
                await unit.CommitAsync();
            }
            Assert.Null(await provider.GetRequiredKeyedService<IDocumentStore>("groups").GetAsync(Meeting.Collection, "n-1", "m-1"));
            // The collections' declared indexes were created with the schema.
            var plan = await ((Sqlite.SqliteDocumentStore)membership).ExplainAsync(Meeting.Collection, "n-1",
                Meeting.Collection.Query().Where(m => m.GroupId, "g-1").OrderBy(m => m.Start));
            Assert.Contains("dx_meetings_group_start_", plan, StringComparison.Ordinal);
            var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains(StorageServiceCollectionExtensions.ReadyTag));
            Assert.Equal(HealthStatus.Healthy, report.Status);
            Assert.Equal(["storage-groups", "storage-membership"], report.Entries.Keys.Order());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task postgres_creates_the_service_database_when_missing_and_reports_ready()
    {
        var server = await PostgresServer.SharedAsync();
        var serviceName = $"meetings_{Guid.NewGuid():N}";
        var withoutDatabase = $"Host=127.0.0.1;Port={server.Port};Username=postgres";
        await using var provider = Build(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = withoutDatabase }, serviceName);

        await StartAsync(provider);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Empty(await provider.GetRequiredService<IOutbox>().ReadPendingAsync(10));
    }

    [Fact]
    public async Task an_unreachable_database_makes_the_service_not_ready_with_the_reason()
    {
        using var refusing = new RefusingPort();
        var nothingListens = $"Host=127.0.0.1;Port={refusing.Port};Username=postgres;Database=reporting;Timeout=3";
        await using var provider = Build(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = nothingListens }, "reporting");

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("not reachable", report.Entries["storage-reporting"].Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mongodb", null, "use sqlite (embedded) or postgres")]
    [InlineData("postgres", null, "Storage__ConnectionString is empty")]
    public void a_bad_storage_configuration_fails_at_registration_saying_what_to_set(string providerName, string? connectionString, string advice)
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Build(new() { ["Storage:Provider"] = providerName, ["Storage:ConnectionString"] = connectionString }, "groups"));

        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, params string[] serviceNames)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        foreach (var serviceName in serviceNames)
        {
            services.AddDocumentStore(configuration.GetSection("Storage"), serviceName, [Meeting.Collection]);
        }
        return services.BuildServiceProvider();
    }

    private static async Task StartAsync(IServiceProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(timeout.Token);
        }
    }
}
