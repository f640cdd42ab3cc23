using System.Globalization;
using System.Net.Sockets;
using NetworkPlatform.Distributed;
using NetworkPlatform.Testing;
using Npgsql;

namespace NetworkPlatform.Benchmarks.Operations;

/// <summary>
/// 50 callers at once for 20 s against a running `make up` (UP_PORT_OFFSET and UP_POSTGRES_PORT as in
/// deploy/local/env.sh): half list meetings, half create persons, as clients registered at make up's issuer for the
/// network. Prints the answers by status and reason, the most connections PostgreSQL held at once, and whether an operator
/// could still connect after. Skipped when make up is not running. (Against another checkout's make up, its answers show
/// what that code does.)
/// </summary>
public sealed class BurstBenchmark : IBenchmark
{
    public string Name => "burst";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var offset = int.Parse(Environment.GetEnvironmentVariable("UP_PORT_OFFSET") ?? "0", CultureInfo.InvariantCulture);
        var postgresPort = int.Parse(Environment.GetEnvironmentVariable("UP_POSTGRES_PORT") ?? "55432", CultureInfo.InvariantCulture);
        var (issuer, membership, meetings) = (5100 + offset, 5101 + offset, 5103 + offset);
        if (!Listening(issuer) || !Listening(membership) || !Listening(meetings))
        {
            Console.WriteLine($"make up is not running (nothing on 127.0.0.1:{issuer}, :{membership} and :{meetings}): " +
                "start it with `make up` to measure.");
            return;
        }
        using var issuerHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{issuer}/") };
        var issuerDatabase = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["Storage__ConnectionString"] = $"Host=127.0.0.1;Port={postgresPort};Database=identity;Username=identity",
        };
        var admin = $"Host=127.0.0.1;Port={postgresPort};Username=postgres;Database=postgres;Pooling=false;Timeout=3";
        using var sampling = new CancellationTokenSource();
        var peak = PeakConnectionsAsync(admin, sampling.Token);
        var outcomes = await new BurstLoad($"http://127.0.0.1:{membership}", $"http://127.0.0.1:{meetings}",
            (network, role) => IssuerProcess.CallerAsync(issuerHttp, issuerDatabase, network, role))
            .RunAsync(callers: 50, TimeSpan.FromSeconds(20));
        await sampling.CancelAsync();

        Console.WriteLine("50 callers for 20 s (ListMeetings on meetings, CreatePerson on membership):");
        foreach (var (outcome, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {outcome,-60} {count,7}");
        }
        var total = outcomes.Values.Sum();
        var failed = outcomes.Where(o => !o.Key.EndsWith(" OK", StringComparison.Ordinal)).Sum(o => o.Value);
        Console.WriteLine($"failed {failed} of {total} ({100.0 * failed / Math.Max(total, 1):F1} %); " +
            $"PostgreSQL connections at most {await peak} at once; " +
            $"an operator connects afterwards: {await OperatorConnectsAsync(admin)}");
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<int> PeakConnectionsAsync(string admin, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(CancellationToken.None);
        var peak = 0;
        while (!stop.IsCancellationRequested)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'",
                connection);
            peak = Math.Max(peak, Convert.ToInt32(await command.ExecuteScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture));
            await Task.Delay(50, CancellationToken.None);
        }
        return peak;
    }

    private static async Task<string> OperatorConnectsAsync(string admin)
    {
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            return "yes";
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return $"no ({e.Message})";
        }
    }
}
