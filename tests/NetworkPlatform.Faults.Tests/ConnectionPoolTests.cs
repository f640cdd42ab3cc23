using NetworkPlatform.Application;
using System.Globalization;
using NetworkPlatform.Distributed;
using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace NetworkPlatform.Faults.Tests;

/// <summary>
/// The membership service as its own process on a PostgreSQL of its own with a small connection pool: a burst of calls
/// queues for the pool instead of opening connections without bound, and a pool that stays busy answers UNAVAILABLE with
/// the reason, never INTERNAL, until it frees.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ConnectionPoolTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PostgresServer postgres = null!;
    private RabbitMqServer rabbit = null!;

    public async Task InitializeAsync()
    {
        var starting = PostgresServer.StartNewAsync(maxConnections: 100);
        rabbit = await RabbitMqServer.StartNewAsync();
        postgres = await starting;
    }

    public async Task DisposeAsync()
    {
        await rabbit.DisposeAsync();
        await postgres.StopAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task fifty_concurrent_writes_and_fifty_reads_queue_for_a_pool_of_four_and_all_succeed()
    {
        await using var platform = await MembershipAsync(maxPoolSize: 4, connectionTimeout: "00:00:10");
        var (network, secretariat) = await NetworkAsync(platform);
        var persons = new PersonService.PersonServiceClient(platform["membership"].Channel);
        using var organisation = new OrganisationService.OrganisationServiceClient(platform["membership"].Channel).CreateOrganisationAsync(
            new CreateOrganisationRequest
            {
                NetworkId = network,
                    Organisation = new Organisation { DisplayName = "Fjordvik kommune", OrganisationNumber = "952601814",
                        Kind = OrganisationKind.Municipality },
            }, secretariat, DateTime.UtcNow.AddSeconds(30));
        var employer = (await organisation.ResponseAsync).Id;
        using var sampling = new CancellationTokenSource();
        var peak = PeakConnectionsAsync(platform.DatabaseOf("membership"), sampling.Token);

        var calls = Enumerable.Range(0, 50).SelectMany(i => new[]
        {
            OutcomeAsync(() => persons.CreatePersonAsync(new CreatePersonRequest
            {
                NetworkId = network,
                    Person = new Person { FullName = $"Person {i}", Email = $"p{i}@kommune.example", EmployerOrganisationId = employer },
            }, secretariat, DateTime.UtcNow.AddSeconds(60))),
            OutcomeAsync(() => persons.ListPersonsAsync(new ListPersonsRequest { NetworkId = network }, secretariat,
                DateTime.UtcNow.AddSeconds(60))),
        });
        var outcomes = await Task.WhenAll(calls);
        await sampling.CancelAsync();

        var byStatus = outcomes.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"summary: 50 CreatePerson + 50 ListPersons at once, Storage__MaxPoolSize 4: " +
            $"{string.Join(", ", byStatus.Select(s => $"{s.Key} {s.Value}"))}; at most {await peak} connections of membership at once");
        Assert.Equal(100, byStatus.GetValueOrDefault("OK"));
        Assert.InRange(await peak, 1, 4 + 1); // The pool and the outbox relay's own connection.
    }

    [Fact(Timeout = 180_000)]
    public async Task calls_beyond_a_pool_that_stays_busy_answer_unavailable_with_the_reason_and_succeed_once_it_frees()
    {
        await using var platform = await MembershipAsync(maxPoolSize: 2, connectionTimeout: "00:00:01");
        var (network, secretariat) = await NetworkAsync(platform);
        var persons = new PersonService.PersonServiceClient(platform["membership"].Channel);

        // An operator's transaction holds the documents table: every read waits, holding its pooled connection.
        var unpooled = new NpgsqlConnectionStringBuilder(platform.DatabaseOf("membership")) { Pooling = false };
        await using var admin = new NpgsqlConnection(unpooled.ConnectionString);
        await admin.OpenAsync();
        var locking = await admin.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE documents IN ACCESS EXCLUSIVE MODE", admin, locking))
        {
            await command.ExecuteNonQueryAsync();
        }
        var reads = Enumerable.Range(0, 6)
            .Select(_ => OutcomeAsync(() =>
                persons.ListPersonsAsync(new ListPersonsRequest { NetworkId = network }, secretariat, DateTime.UtcNow.AddSeconds(60))))
            .ToList();
        await Task.Delay(TimeSpan.FromSeconds(4)); // Past the pool's 1 s wait, for everyone but the two holding a connection.
        var early = reads.Where(r => r.IsCompleted).Select(r => r.Result).ToList();
        await locking.RollbackAsync();
        var outcomes = await Task.WhenAll(reads);
        var after = await OutcomeAsync(() =>
            persons.ListPersonsAsync(new ListPersonsRequest { NetworkId = network }, secretariat, DateTime.UtcNow.AddSeconds(30)));

        output.WriteLine($"summary: 6 reads against a pool of 2 held by a table lock: {string.Join(", ", outcomes)}; " +
            $"after the lock: {after}");
        Assert.Equal(4, early.Count(o => o == "Unavailable DATABASE_POOL_EXHAUSTED"));
        Assert.Equal(2, outcomes.Count(o => o == "OK"));
        Assert.Equal("OK", after);
    }

    private async Task<PlatformProcesses> MembershipAsync(int maxPoolSize, string connectionTimeout) =>
        await PlatformProcesses.StartAsync(postgres, rabbit, new Dictionary<string, string>
        {
            ["Storage__MaxPoolSize"] = maxPoolSize.ToString(CultureInfo.InvariantCulture),
            ["Storage__ConnectionTimeout"] = connectionTimeout,
        }, ["membership"]);

    private static async Task<(string Network, Metadata Secretariat)> NetworkAsync(PlatformProcesses platform)
    {
        var network = "net-" + Guid.NewGuid().ToString("N")[..12];
        var networkOperator = await platform.CallerAsync(network, Roles.Operator);
        using var call = new NetworkService.NetworkServiceClient(platform["membership"].Channel).CreateNetworkAsync(new CreateNetworkRequest
        {
            Network = new Network { Id = network, DisplayName = "Partnerskap", Kind = NetworkKind.Partnership, Country = "NO",
                TimeZone = "Europe/Oslo", Languages = { "nb" } },
        }, networkOperator, DateTime.UtcNow.AddSeconds(30));
        await call.ResponseAsync;
        return (network, await platform.CallerAsync(network, Roles.Secretariat));
    }

    /// <summary>"OK", or the status and the ErrorInfo reason a failed call answered with.</summary>
    private static async Task<string> OutcomeAsync<T>(Func<AsyncUnaryCall<T>> start)
    {
        try
        {
            using var call = start();
            await call.ResponseAsync;
            return "OK";
        }
        catch (RpcException e)
        {
            return $"{e.StatusCode} {e.GetDetail<Google.Rpc.ErrorInfo>()?.Reason}";
        }
    }

    /// <summary>The most connections to the database seen at once, sampled every 20 ms until cancelled.</summary>
    private static async Task<int> PeakConnectionsAsync(string connectionString, CancellationToken stop)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres",
            Pooling = false }.ConnectionString);
        await admin.OpenAsync(CancellationToken.None);
        var peak = 0;
        while (!stop.IsCancellationRequested)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @database", admin);
            command.Parameters.AddWithValue("database", database!);
            peak = Math.Max(peak, Convert.ToInt32(await command.ExecuteScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture));
            await Task.Delay(20, CancellationToken.None);
        }
        return peak;
    }
}
