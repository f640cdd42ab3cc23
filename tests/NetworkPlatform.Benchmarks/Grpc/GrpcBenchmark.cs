using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>
/// `make bench` (or `... -- grpc`): what the platform costs over the stock stack. An authenticated GetNetwork, which reads
/// one document, through the whole platform pipeline (JwtBearer and the caller policy, RPC telemetry, health, reflection,
/// transcoding, storage) against the same use case on plain Grpc.AspNetCore; and grpc.health.v1 Check on the platform
/// against Debian's C++ grpc++ sync server. h2load drives each server with the same settings in alternating rounds.
/// Prints calls/s, p50/p99 latency, the server's CPU time per call (meaningful when other work shares the machine and
/// throughput is not) and the ratios the issue sets targets for: platform/plain CPU per call at most 1.25, platform
/// health throughput at least 3x C++. Settings: GRPC_BENCH_SECONDS (per round, default 3), GRPC_BENCH_ROUNDS (default 5).
/// </summary>
public sealed class GrpcBenchmark : IBenchmark
{
    private const string Platform = "platform";
    private const string Plain = "plain grpc";
    private const string Cpp = "c++ grpc";
    private const string GetNetworkPath = "/networkplatform.membership.v1.NetworkService/GetNetwork";
    private const string HealthPath = "/grpc.health.v1.Health/Check";

    public string Name => "grpc";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var seconds = Setting("GRPC_BENCH_SECONDS", 3);
        var rounds = Setting("GRPC_BENCH_ROUNDS", 5);
        Console.WriteLine($"h2load -c{H2Load.Connections} -m{H2Load.StreamsPerConnection} -t1, {rounds} alternating rounds of {seconds} s per server and scenario.");

        await using var cpp = await CppEchoServer.StartAsync();
        await using var membership = await MembershipServers.StartAsync();
        // Both .NET servers live in this process: while h2load drives one, the process's CPU time is its cost.
        Func<TimeSpan> inProcessCpu = () => Process.GetCurrentProcess().TotalProcessorTime;
        Scenario[] scenarios =
        [
            new("get network", GetNetworkPath, Frame(new GetNetworkRequest { NetworkId = MembershipServers.Network }),
                [new(Platform, membership.PlatformPort, inProcessCpu, membership.Authorization), new(Plain, membership.PlainPort, inProcessCpu, null)]),
            new("health", HealthPath, Frame(new HealthCheckRequest()),
                [new(Platform, membership.PlatformPort, inProcessCpu, null), new(Cpp, cpp.Port, () => cpp.CpuTime, null)]),
        ];
        await VerifyAsync(membership, cpp, cancellationToken);

        // Warm-up, twice round: tiered JIT (slow to finish on a busy machine), connection and thread pools settle first.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var scenario in scenarios)
            {
                foreach (var server in scenario.Servers)
                {
                    await H2Load.RunAsync(server.Port, scenario.Path, scenario.RequestFrame, TimeSpan.FromSeconds(2), cancellationToken, server.Authorization);
                }
            }
        }

        var results = new Dictionary<(string Scenario, string Server), List<H2LoadResult>>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var scenario in scenarios)
            {
                // Alternate the order each round so neither server always runs first.
                foreach (var server in round % 2 == 0 ? scenario.Servers : scenario.Servers.Reverse())
                {
                    var cpuBefore = server.CpuTime();
                    var result = await H2Load.RunAsync(server.Port, scenario.Path, scenario.RequestFrame, TimeSpan.FromSeconds(seconds), cancellationToken, server.Authorization);
                    result = result with { ServerCpu = server.CpuTime() - cpuBefore };
                    Console.WriteLine($"  round {round + 1} {scenario.Name,-12} {server.Name,-11} {result.RequestsPerSecond,10:F0} calls/s {result.ServerCpuMicrosecondsPerCall,8:F1} server CPU us/call");
                    var key = (scenario.Name, server.Name);
                    if (!results.TryGetValue(key, out var list))
                    {
                        results[key] = list = [];
                    }
                    list.Add(result);
                }
            }
        }
        Report(scenarios, results);
    }

    private static void Report(Scenario[] scenarios, Dictionary<(string Scenario, string Server), List<H2LoadResult>> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-12} {"server",-11} {"calls/s",10} {"p50 ms",8} {"p99 ms",8} {"CPU us/call",12} {"failed",7}");
        foreach (var scenario in scenarios)
        {
            foreach (var server in scenario.Servers)
            {
                var summary = Summary.Of(results[(scenario.Name, server.Name)]);
                Console.WriteLine($"{scenario.Name,-12} {server.Name,-11} {summary.CallsPerSecond,10:F0} {summary.P50Milliseconds,8:F2} {summary.P99Milliseconds,8:F2} " +
                                  $"{summary.CpuMicrosecondsPerCall,12:F1} {summary.Failed,7}");
            }
        }
        Console.WriteLine();
        var platform = Summary.Of(results[("get network", Platform)]);
        var plain = Summary.Of(results[("get network", Plain)]);
        var cpuRatio = platform.CpuMicrosecondsPerCall / plain.CpuMicrosecondsPerCall;
        Console.WriteLine($"get network: server CPU per call platform/plain {cpuRatio:F2}x (target <= 1.25, {Verdict(cpuRatio <= 1.25)}), " +
                          $"throughput {platform.CallsPerSecond / plain.CallsPerSecond:F2}x, p99 {platform.P99Milliseconds / plain.P99Milliseconds:F2}x");
        var health = Summary.Of(results[("health", Platform)]);
        var cpp = Summary.Of(results[("health", Cpp)]);
        var healthRatio = health.CallsPerSecond / cpp.CallsPerSecond;
        Console.WriteLine($"health: throughput platform/c++ {healthRatio:F2}x (target >= 3.00, {Verdict(healthRatio >= 3.0)}), " +
                          $"p99 {health.P99Milliseconds / cpp.P99Milliseconds:F2}x, server CPU per call {health.CpuMicrosecondsPerCall / cpp.CpuMicrosecondsPerCall:F2}x");
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    /// <summary>Each server must really answer what h2load asks (h2load only sees HTTP 200): checked with Grpc.Net.Client.</summary>
    private static async Task VerifyAsync(MembershipServers membership, CppEchoServer cpp, CancellationToken cancellationToken)
    {
        var request = new GetNetworkRequest { NetworkId = MembershipServers.Network };
        var deadline = DateTime.UtcNow.AddSeconds(10);
        using var platformChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{membership.PlatformPort}");
        using var plainChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{membership.PlainPort}");
        using var cppChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{cpp.Port}");
        var viaPlatform = await new NetworkService.NetworkServiceClient(platformChannel).GetNetworkAsync(request,
            new CallOptions(new Metadata { { "authorization", membership.Authorization } }, deadline, cancellationToken));
        var viaPlain = await new NetworkService.NetworkServiceClient(plainChannel).GetNetworkAsync(request, deadline: deadline, cancellationToken: cancellationToken);
        if (!viaPlatform.Equals(viaPlain) || viaPlatform.Id != MembershipServers.Network)
        {
            throw new InvalidOperationException($"The two servers answer GetNetwork differently: {viaPlatform} vs {viaPlain}.");
        }
        foreach (var channel in new[] { platformChannel, cppChannel })
        {
            var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: deadline, cancellationToken: cancellationToken);
            if (health.Status != HealthCheckResponse.Types.ServingStatus.Serving)
            {
                throw new InvalidOperationException($"{channel.Target} is not SERVING: {health.Status}.");
            }
        }
    }

    private static byte[] Frame(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[5 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private sealed record Server(string Name, int Port, Func<TimeSpan> CpuTime, string? Authorization);

    private sealed record Scenario(string Name, string Path, byte[] RequestFrame, Server[] Servers);

    /// <summary>Throughput over all rounds (calls / time) and latency percentiles over every call of every round.</summary>
    private sealed record Summary(double CallsPerSecond, double P50Milliseconds, double P99Milliseconds, double CpuMicrosecondsPerCall, long Failed)
    {
        public static Summary Of(List<H2LoadResult> rounds)
        {
            var latencies = rounds.SelectMany(r => r.LatenciesMicroseconds).Order().ToArray();
            var calls = rounds.Sum(r => r.Succeeded);
            var seconds = rounds.Sum(r => r.Elapsed.TotalSeconds);
            var cpu = rounds.Sum(r => r.ServerCpu.TotalMicroseconds);
            return new Summary(calls / seconds, Percentile(latencies, 0.50) / 1000, Percentile(latencies, 0.99) / 1000, cpu / calls, rounds.Sum(r => r.Failed));
        }

        private static double Percentile(double[] sorted, double fraction) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
    }
}
