using System.Diagnostics;
using System.Globalization;
using NetworkPlatform.Distributed;
using NetworkPlatform.Testing;
using Npgsql;

namespace NetworkPlatform.Benchmarks.Operations;

/// <summary>
/// The four services as processes (Release build) on private PostgreSQL and RabbitMQ servers, first under a 50-caller
/// burst, then under SOAK_MINUTES (default 10) of the mixed write workload of the fault suite. Every 10 s it samples each
/// service's resident memory, thread count and PostgreSQL connections, and prints each one's slope per minute (least
/// squares over the samples after the first minute's warm-up) beside its mean: a flat service drifts by a few percent at
/// most, a leak keeps climbing.
/// </summary>
public sealed class SoakBenchmark : IBenchmark
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WarmUp = TimeSpan.FromMinutes(1);

    public string Name => "soak";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var minutes = double.Parse(Environment.GetEnvironmentVariable("SOAK_MINUTES") ?? "10", CultureInfo.InvariantCulture);
        var postgresStarting = PostgresServer.StartNewAsync(maxConnections: 100);
        await using var rabbit = await RabbitMqServer.StartNewAsync();
        var postgres = await postgresStarting;
        try
        {
            await using var platform = await PlatformProcesses.StartAsync(postgres, rabbit);
            var burst = await new BurstLoad(platform["membership"].Address, platform["meetings"].Address,
                (network, role) => platform.CallerAsync(network, role)).RunAsync(callers: 50, TimeSpan.FromSeconds(20));
            var answers = burst.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key} {b.Value}");
            Console.WriteLine($"burst, 50 callers for 20 s: {string.Join(", ", answers)}");

            var workload = new Workload(platform);
            await workload.SetUpAsync();
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, cancellationToken);
            var writing = workload.RunAsync(linked.Token);
            var samples = platform.Services.ToDictionary(s => s.Name, _ => new List<Sample>());
            var clock = Stopwatch.StartNew();
            using var timer = new PeriodicTimer(SampleEvery);
            while (!linked.IsCancellationRequested && await timer.WaitForNextTickAsync(CancellationToken.None))
            {
                var connections = await ConnectionsAsync(postgres);
                foreach (var service in platform.Services)
                {
                    var (rss, threads) = ProcStatus(service.ProcessId);
                    samples[service.Name].Add(new Sample(clock.Elapsed, rss / 1024.0, threads,
                        connections.GetValueOrDefault(service.Name)));
                }
            }
            await writing;
            var calls = workload.Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}");
            Console.WriteLine($"soak, {minutes:F0} min of mixed writes ({string.Join(", ", calls)} calls), " +
                $"sampled every {SampleEvery.TotalSeconds:F0} s; slopes per minute after the first minute, and as % of the mean:");
            Console.WriteLine($"{"service",-11} {"RSS MB",22} {"threads",22} {"PostgreSQL connections",26}");
            foreach (var (name, series) in samples)
            {
                var steady = series.Where(s => s.At >= WarmUp).ToList();
                Console.WriteLine($"{name,-11} {Describe(steady, s => s.RssMegabytes),22} {Describe(steady, s => s.Threads),22} " +
                    $"{Describe(steady, s => s.Connections),26}");
            }
        }
        finally
        {
            await postgres.StopAsync();
        }
    }

    private sealed record Sample(TimeSpan At, double RssMegabytes, double Threads, double Connections);

    /// <summary>"mean, slope/min (percent of the mean per minute)".</summary>
    private static string Describe(List<Sample> samples, Func<Sample, double> value)
    {
        if (samples.Count < 2)
        {
            return "too few samples";
        }
        var xs = samples.Select(s => s.At.TotalMinutes).ToList();
        var ys = samples.Select(value).ToList();
        var (meanX, meanY) = (xs.Average(), ys.Average());
        var slope = xs.Zip(ys).Sum(p => (p.First - meanX) * (p.Second - meanY)) / xs.Sum(x => (x - meanX) * (x - meanX));
        return $"{meanY,6:F1}, {slope,6:+0.00;-0.00}/min ({(meanY == 0 ? 0 : 100 * slope / meanY),5:+0.0;-0.0} %)";
    }

    /// <summary>VmRSS (kB) and Threads from /proc/&lt;pid&gt;/status.</summary>
    private static (double RssKilobytes, double Threads) ProcStatus(int pid)
    {
        double rss = 0, threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = double.Parse(line.Split('\t', ' ').Last(p => p.Length > 0), CultureInfo.InvariantCulture);
            }
        }
        return (rss, threads);
    }

    /// <summary>Client connections per database (each service's database is named after it).</summary>
    private static async Task<Dictionary<string, double>> ConnectionsAsync(PostgresServer postgres)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT datname, count(*) FROM pg_stat_activity WHERE datname IS NOT NULL GROUP BY datname", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, double>();
        while (await reader.ReadAsync())
        {
            var database = reader.GetString(0);
            // PostgresServer.CreateDatabaseAsync names them "<service>_<guid>".
            counts[database.Split('_')[0]] = reader.GetInt64(1);
        }
        return counts;
    }
}
