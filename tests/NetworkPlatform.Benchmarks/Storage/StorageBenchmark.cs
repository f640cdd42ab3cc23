using System.Diagnostics;
using System.Globalization;
using NetworkPlatform.Storage.Postgres;
using NetworkPlatform.Storage.Sqlite;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Benchmarks.Storage;

/// <summary>
/// Our storage adapters through the port against a bare driver loop doing the same statements on the same database,
/// one operation at a time (latency-bound, as a request handler uses it). The two sides alternate in short slices
/// so machine noise hits both; the ratio is ours / bare throughput (median over adjacent slice pairs).
/// </summary>
public sealed class StorageBenchmark : IBenchmark
{
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);
    private const int SlicesPerSide = 5;
    private const int PageSize = 20;

    public string Name => "storage";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"One operation at a time; {SlicesPerSide} x {Slice.TotalMilliseconds} ms per side and operation, alternating. Writes are one unit of work each.");
        Console.WriteLine($"{"adapter",-9} {"operation",-22} {"ours ops/s",11} {"bare ops/s",11} {"ratio",6} {"ours p99 ms",12} {"bare p99 ms",12}");

        var directory = Directory.CreateTempSubdirectory("networkplatform-bench-").FullName;
        try
        {
            var file = Path.Combine(directory, "bench.db");
            var sqlite = new SqliteDocumentStore(file);
            await sqlite.MigrateAsync([BenchDocument.Collection], cancellationToken);
            await CompareAsync("sqlite", new PortLoop(sqlite, "network-ours"), new BareSqliteLoop(file, "network-bare"), cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync("bench");
        var postgres = new PostgresDocumentStore(connectionString);
        await postgres.MigrateAsync([BenchDocument.Collection], cancellationToken);
        await CompareAsync("postgres", new PortLoop(postgres, "network-ours"), new BarePostgresLoop(connectionString, "network-bare"), cancellationToken);
        Console.WriteLine("PostgreSQL: the private test server (fsync off), over TCP on 127.0.0.1. SQLite: WAL, synchronous=NORMAL.");
    }

    private static async Task CompareAsync(string adapter, IStorageLoop ours, IStorageLoop bare, CancellationToken cancellationToken)
    {
        await using var _ = ours;
        await using var __ = bare;
        var sides = new[] { new Side(bare), new Side(ours) };

        await RowAsync(adapter, "insert", sides, side => side.InsertNextAsync(), cancellationToken);
        await RowAsync(adapter, "replace-with-version", sides, side => side.ReplaceNextAsync(), cancellationToken);
        await RowAsync(adapter, "get-by-id", sides, side => side.GetNextAsync(), cancellationToken);
        await RowAsync(adapter, $"indexed query ({PageSize}/page)", sides, side => side.QueryNextAsync(PageSize), cancellationToken);
    }

    private static async Task RowAsync(string adapter, string operation, Side[] sides, Func<Side, Task> step, CancellationToken cancellationToken)
    {
        var latencies = sides.Select(_ => new List<double>()).ToArray();
        var elapsed = new double[sides.Length];
        var sliceRatios = new List<double>();
        for (var i = 0; i < sides.Length; i++)
        {
            await RunForAsync(sides[i], step, Warmup, null, cancellationToken);
        }
        for (var slice = 0; slice < SlicesPerSide; slice++)
        {
            var rates = new double[sides.Length];
            for (var i = 0; i < sides.Length; i++)
            {
                var before = latencies[i].Count;
                var seconds = await RunForAsync(sides[i], step, Slice, latencies[i], cancellationToken);
                elapsed[i] += seconds;
                rates[i] = (latencies[i].Count - before) / seconds;
            }
            sliceRatios.Add(rates[1] / rates[0]);
        }
        // The ratio is the median of adjacent slices' ratios: a burst of load from elsewhere spoils one pair, not the result.
        var ratio = sliceRatios.Order().ElementAt(sliceRatios.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{adapter,-9} {operation,-22} {latencies[1].Count / elapsed[1],11:F0} {latencies[0].Count / elapsed[0],11:F0} {ratio,6:F2} {P99(latencies[1]),12:F3} {P99(latencies[0]),12:F3}"));
    }

    private static async Task<double> RunForAsync(Side side, Func<Side, Task> step, TimeSpan duration, List<double>? latencies, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = Stopwatch.GetTimestamp();
            await step(side);
            now = Stopwatch.GetTimestamp();
            latencies?.Add((now - before) * 1000.0 / Stopwatch.Frequency);
        }
        while (now < end);
        return (now - start) / (double)Stopwatch.Frequency;
    }

    private static double P99(List<double> latencies)
    {
        var sorted = latencies.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(sorted.Count * 0.99) - 1)];
    }

    /// <summary>One side's documents: ids it inserted and their current versions.</summary>
    private sealed class Side(IStorageLoop loop)
    {
        private readonly List<long> versions = [];
        private int next;

        public async Task InsertNextAsync()
        {
            await loop.InsertAsync(BenchDocument.Create(versions.Count));
            versions.Add(1);
        }

        public async Task ReplaceNextAsync()
        {
            var n = next++ % versions.Count;
            versions[n] = await loop.ReplaceAsync(BenchDocument.Create(n, $"Interim meeting, take {versions[n] + 1}"), versions[n]);
        }

        public async Task GetNextAsync()
        {
            var n = next++ % versions.Count;
            _ = await loop.GetAsync(BenchDocument.Create(n).Id) ?? throw new InvalidOperationException($"Document {n} is missing.");
        }

        public async Task QueryNextAsync(int pageSize)
        {
            var found = await loop.QueryAsync($"group-{next++ % 20:D2}", pageSize);
            if (found == 0)
            {
                throw new InvalidOperationException("An indexed query found nothing.");
            }
        }
    }
}
