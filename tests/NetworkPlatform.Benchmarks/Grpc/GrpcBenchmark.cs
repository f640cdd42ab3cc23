using System.Diagnostics;
using System.Globalization;
using NetworkPlatform.Grpc;
using NetworkPlatform.Grpc.Testing.V1;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>
/// `make bench` (or `... -- grpc`): unary and server-streaming EchoService on our runtime, a C++ grpc++ sync server
/// and a bare Kestrel endpoint writing a fixed gRPC response, all driven by h2load with the same settings in
/// alternating rounds. Prints throughput, p50/p99 latency and the ratios the issue sets targets for, plus the server's
/// CPU time per call, which stays meaningful when other work shares the machine and throughput does not. A fourth server,
/// the bare endpoint plus Google.Protobuf serialization of each message, is a reference that splits our distance from the
/// floor into what protobuf costs and what the runtime itself costs.
/// Settings: GRPC_BENCH_SECONDS (per round, default 3), GRPC_BENCH_ROUNDS (default 5), GRPC_BENCH_STREAM_MESSAGES (default 100).
/// </summary>
public sealed class GrpcBenchmark : IBenchmark
{
    private const string Ours = "ours";
    private const string Cpp = "c++ grpc";
    private const string Bare = "bare kestrel";
    private const string KestrelProtobuf = "kestrel+proto";

    public string Name => "grpc";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var seconds = Setting("GRPC_BENCH_SECONDS", 3);
        var rounds = Setting("GRPC_BENCH_ROUNDS", 5);
        var streamMessages = Setting("GRPC_BENCH_STREAM_MESSAGES", 100);
        Console.WriteLine($"h2load -c{H2Load.Connections} -m{H2Load.StreamsPerConnection} -t1, {rounds} alternating rounds of {seconds} s per server and scenario; " +
                          $"server streaming sends {streamMessages} messages per call.");

        int oursPort = CandidatePort.Next(), cppPort = CandidatePort.Next(), barePort = CandidatePort.Next(), protobufPort = CandidatePort.Next();
        await using var cpp = await CppEchoServer.StartAsync(cppPort);
        await using var bare = await BareKestrelServer.StartAsync(barePort, streamMessages);
        await using var kestrelProtobuf = await KestrelProtobufServer.StartAsync(protobufPort);
        await using var ours = await OurEchoServer.StartAsync(oursPort);
        // Our runtime and the bare endpoint live in this process: while h2load drives one, the process's CPU time is its cost.
        Func<TimeSpan> inProcessCpu = () => Process.GetCurrentProcess().TotalProcessorTime;
        (string Name, int Port, Func<TimeSpan> CpuTime)[] servers = [(Ours, oursPort, inProcessCpu), (Cpp, cppPort, () => cpp.CpuTime), (Bare, barePort, inProcessCpu), (KestrelProtobuf, protobufPort, inProcessCpu)];
        foreach (var (name, port, _) in servers)
        {
            await VerifyAsync(name, port, streamMessages, cancellationToken);
        }

        Scenario[] scenarios =
        [
            new("unary", EchoPayloads.UnaryPath, EchoPayloads.Frame(EchoPayloads.UnaryRequest), 1),
            new("server streaming", EchoPayloads.StreamPath, EchoPayloads.Frame(EchoPayloads.StreamRequest(streamMessages)), streamMessages),
        ];
        // Warm-up, twice round: tiered JIT (slow to finish on a busy machine), connection and thread pools settle first.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var scenario in scenarios)
            {
                foreach (var (_, port, _) in servers)
                {
                    await H2Load.RunAsync(port, scenario.Path, scenario.RequestFrame, TimeSpan.FromSeconds(2), cancellationToken);
                }
            }
        }

        var results = new Dictionary<(string Scenario, string Server), List<H2LoadResult>>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var scenario in scenarios)
            {
                // Rotate the order each round so no server always runs first (or right after another).
                foreach (var (name, port, cpuTime) in servers.Skip(round % servers.Length).Concat(servers.Take(round % servers.Length)))
                {
                    var cpuBefore = cpuTime();
                    var result = await H2Load.RunAsync(port, scenario.Path, scenario.RequestFrame, TimeSpan.FromSeconds(seconds), cancellationToken);
                    result = result with { ServerCpu = cpuTime() - cpuBefore };
                    Console.WriteLine($"  round {round + 1} {scenario.Name,-16} {name,-13} {result.RequestsPerSecond,10:F0} calls/s {result.ServerCpuMicrosecondsPerCall,8:F1} server CPU us/call");
                    var key = (scenario.Name, name);
                    if (!results.TryGetValue(key, out var list))
                    {
                        results[key] = list = [];
                    }
                    list.Add(result);
                }
            }
        }
        Report(scenarios, servers.Select(s => s.Name).ToArray(), results);
    }

    private static void Report(Scenario[] scenarios, string[] servers, Dictionary<(string Scenario, string Server), List<H2LoadResult>> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-17} {"server",-13} {"calls/s",10} {"messages/s",11} {"p50 ms",8} {"p99 ms",8} {"CPU us/call",12} {"failed",7}");
        var summaries = new Dictionary<(string, string), Summary>();
        foreach (var scenario in scenarios)
        {
            foreach (var server in servers)
            {
                var summary = Summary.Of(results[(scenario.Name, server)]);
                summaries[(scenario.Name, server)] = summary;
                Console.WriteLine($"{scenario.Name,-17} {server,-13} {summary.CallsPerSecond,10:F0} {summary.CallsPerSecond * scenario.MessagesPerCall,11:F0} " +
                                  $"{summary.P50Milliseconds,8:F2} {summary.P99Milliseconds,8:F2} {summary.CpuMicrosecondsPerCall,12:F1} {summary.Failed,7}");
            }
        }
        Console.WriteLine();
        foreach (var scenario in scenarios)
        {
            var ours = summaries[(scenario.Name, Ours)];
            var cpp = summaries[(scenario.Name, Cpp)];
            var bare = summaries[(scenario.Name, Bare)];
            var vsCpp = ours.CallsPerSecond / cpp.CallsPerSecond;
            var p99VsCpp = ours.P99Milliseconds / cpp.P99Milliseconds;
            var vsBare = ours.CallsPerSecond / bare.CallsPerSecond;
            Console.WriteLine($"{scenario.Name}: throughput ours/c++ {vsCpp:F2}x (target >= 1.00, {Verdict(vsCpp >= 1.0)}), " +
                              $"p99 ours/c++ {p99VsCpp:F2}x (target <= 1.00, {Verdict(p99VsCpp <= 1.0)}), " +
                              $"throughput ours/bare-kestrel {vsBare:F2}x (target >= 0.85, {Verdict(vsBare >= 0.85)}); " +
                              $"server CPU per call ours/c++ {ours.CpuMicrosecondsPerCall / cpp.CpuMicrosecondsPerCall:F2}x, ours/bare-kestrel {ours.CpuMicrosecondsPerCall / bare.CpuMicrosecondsPerCall:F2}x");
            var protobuf = summaries[(scenario.Name, KestrelProtobuf)];
            Console.WriteLine($"  reference: kestrel+protobuf/bare-kestrel throughput {protobuf.CallsPerSecond / bare.CallsPerSecond:F2}x, CPU per call {protobuf.CpuMicrosecondsPerCall / bare.CpuMicrosecondsPerCall:F2}x (what serializing costs); " +
                              $"ours/kestrel+protobuf throughput {ours.CallsPerSecond / protobuf.CallsPerSecond:F2}x, CPU per call {ours.CpuMicrosecondsPerCall / protobuf.CpuMicrosecondsPerCall:F2}x (what the runtime costs)");
        }
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    /// <summary>Each server must really answer the calls h2load makes (h2load only sees HTTP 200), checked with our own client.</summary>
    private static async Task VerifyAsync(string name, int port, int streamMessages, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var client = new EchoService.EchoServiceClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var unary = await client.EchoAsync(EchoPayloads.UnaryRequest, deadline: deadline, cancellationToken: cancellationToken);
        using var stream = client.EchoStream(EchoPayloads.StreamRequest(streamMessages), deadline: deadline, cancellationToken: cancellationToken);
        var received = 0;
        await foreach (var message in stream.ResponseStream.ReadAllAsync(cancellationToken))
        {
            received += message.Message == EchoPayloads.Message ? 1 : 0;
        }
        if (unary.Message != EchoPayloads.Message || received != streamMessages)
        {
            throw new InvalidOperationException($"{name} answered wrongly: unary '{unary.Message}', {received}/{streamMessages} stream messages.");
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private sealed record Scenario(string Name, string Path, byte[] RequestFrame, int MessagesPerCall);

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
