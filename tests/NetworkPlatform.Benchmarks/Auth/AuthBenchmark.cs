using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Application;
using NetworkPlatform.Benchmarks.Events;
using NetworkPlatform.Benchmarks.Grpc;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Benchmarks.Auth;

/// <summary>
/// What authentication costs. The issuer (its own process): the token endpoint's latency for client credentials (a
/// PBKDF2-hashed secret checked per request) and introspection, against its JWKS document served by the same process.
/// A service (in this process, driven by h2load): server CPU per call of an authenticated call, checked against a JWKS
/// file (ES256, what the services did before), against the issuer by its URL (RS256), and with the revocation check
/// (its cached answer), against grpc.health.v1 Check, which needs no token.
/// </summary>
internal sealed class AuthBenchmark : IBenchmark
{
    private const int Requests = 300;
    private static readonly TimeSpan LoadFor = TimeSpan.FromSeconds(8);
    private static readonly byte[] EchoFrame = [0, 0, 0, 0, 4, 0x0a, 0x02, (byte)'h', (byte)'i'];
    private static readonly byte[] HealthFrame = [0, 0, 0, 0, 0];

    public string Name => "auth";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var issuer = await IssuerProcess.StartAsync(["service-bench"]);
        await IssuerLatencyAsync(issuer, cancellationToken);
        await PerCallCostAsync(issuer, cancellationToken);
    }

    private static async Task IssuerLatencyAsync(IssuerProcess issuer, CancellationToken cancellationToken)
    {
        var secret = issuer.Secret("service-bench");
        var token = await issuer.ClientTokenAsync("service-bench", "net-1");
        var sides = new (string Name, Func<Task> Call)[]
        {
            ("GET /.well-known/jwks (peer)",
                async () => (await issuer.Http.GetAsync(".well-known/jwks", cancellationToken)).EnsureSuccessStatusCode()),
            ("POST /connect/token, client credentials", async () =>
                await issuer.TokenAsync("service-bench", secret, ("grant_type", "client_credentials"), ("network_id", "net-1"))),
            ("POST /connect/introspect", async () =>
                await issuer.PostAsync("connect/introspect", "service-bench", secret, ("token", token),
                    ("token_type_hint", "access_token"))),
        };
        Console.WriteLine($"issuer: {Requests} sequential requests each, over loopback HTTP/1.1 (after 50 to warm up)");
        Console.WriteLine($"{"request",-42} {"p50 ms",7} {"p90 ms",7} {"p99 ms",7} {"ratio p50",9}");
        double? peer = null;
        foreach (var (name, call) in sides)
        {
            for (var i = 0; i < 50; i++)
            {
                await call();
            }
            var latencies = new double[Requests];
            for (var i = 0; i < Requests; i++)
            {
                var clock = Stopwatch.StartNew();
                await call();
                latencies[i] = clock.Elapsed.TotalMilliseconds;
            }
            Array.Sort(latencies);
            var p50 = latencies[Requests / 2];
            peer ??= p50;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-42} {p50,7:F2} {latencies[Requests * 9 / 10],7:F2} {latencies[Requests * 99 / 100],7:F2} " +
                $"{p50 / peer.Value,9:F1}"));
        }
    }

    private static async Task PerCallCostAsync(IssuerProcess issuer, CancellationToken cancellationToken)
    {
        var keys = Directory.CreateTempSubdirectory("np-bench-keys-");
        try
        {
            var development = DevelopmentTokens.LoadOrCreate(keys.FullName);
            var withRevocation = issuer.ServiceSettings("service-bench");
            var issuerToken = await issuer.ClientTokenAsync("service-bench", "net-1");
            var sides = new (string Name, Dictionary<string, string?> Settings, string Path, byte[] Frame, string? Token)[]
            {
                ("health Check, no token (peer)", EchoHost.Accepting(development), "/grpc.health.v1.Health/Check", HealthFrame, null),
                ("Echo, JWKS file, ES256 (before)", EchoHost.Accepting(development), "/networkplatform.testing.v1.EchoService/Echo",
                    EchoFrame,
                    development.Issue("bench", "net-1", [Roles.Secretariat])),
                ("Echo, issuer by URL, RS256", issuer.ServiceSettings(), "/networkplatform.testing.v1.EchoService/Echo", EchoFrame,
                    issuerToken),
                ("Echo, issuer by URL + revocation check", withRevocation, "/networkplatform.testing.v1.EchoService/Echo", EchoFrame,
                    issuerToken),
            };
            Console.WriteLine($"service: h2load -c {H2Load.Connections} -m {H2Load.StreamsPerConnection} " +
                $"for {LoadFor.TotalSeconds:F0} s per side, server in this process");
            Console.WriteLine($"{"call",-42} {"calls/s",9} {"server CPU us/call",18} {"auth us/call",12} {"p99 ms",7}");
            double? baseline = null;
            foreach (var (name, settings, path, frame, token) in sides)
            {
                await using var host = await EchoHost.StartAsync(settings, builder => builder.Logging.SetMinimumLevel(LogLevel.Error));
                var authorization = token is null ? null : "Bearer " + token;
                if (authorization is not null)
                {
                    // h2load counts a refused gRPC call (HTTP 200, grpc-status 16) as a success: check the token is accepted first.
                    await host.EchoAsync(authorization);
                }
                await H2Load.RunAsync(host.Port, path, frame, TimeSpan.FromSeconds(2), cancellationToken, authorization);
                var before = CpuSample.Take();
                var result = await H2Load.RunAsync(host.Port, path, frame, LoadFor, cancellationToken, authorization);
                var cpu = (CpuSample.Take() - before).Benchmark;
                if (result.Failed > 0 || result.Succeeded == 0)
                {
                    throw new InvalidOperationException($"{name}: {result.Failed} calls failed.");
                }
                var perCall = cpu.TotalMicroseconds / result.Succeeded;
                baseline ??= perCall;
                Array.Sort(result.LatenciesMicroseconds);
                var p99 = result.LatenciesMicroseconds[result.LatenciesMicroseconds.Length * 99 / 100] / 1000;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-42} {result.RequestsPerSecond,9:F0} {perCall,18:F1} {perCall - baseline.Value,12:F1} {p99,7:F2}"));
            }
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }
}
