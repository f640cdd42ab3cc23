using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Health.V1;
using Grpc.Core;
using Grpc.Net.Client;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Distributed;

/// <summary>
/// One service host as its own process: `dotnet NetworkPlatform.X.dll` (its Program.cs, as the container runs it),
/// configured only through environment variables. It listens on port 0 on loopback and the port it got is read from its
/// log; a restart takes the same port again (its peers know it). Ready once grpc.health.v1 answers SERVING. Everything it
/// logs is kept for failure messages; a watchdog ends it if the test process dies first.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(60);

    private readonly string project;
    private readonly Dictionary<string, string> environment;
    private readonly List<string> earlierLogs = [];
    private PeerProcess process;

    private ServiceProcess(string name, string project, string healthService, Dictionary<string, string> environment,
        PeerProcess process, int port, int httpPort)
    {
        HttpPort = httpPort;
        Name = name;
        HealthService = healthService;
        this.project = project;
        this.environment = environment;
        this.process = process;
        Port = port;
        Channel = GrpcChannel.ForAddress(Address);
    }

    public string Name { get; }

    /// <summary>A gRPC service of this process whose grpc.health.v1 status follows readiness (database, bus consuming).</summary>
    public string HealthService { get; }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>JSON, gRPC-Web and /metrics (HTTP/1.1): a port the kernel picks, another one after a restart.</summary>
    public int HttpPort { get; private set; }

    public string HttpAddress => $"http://127.0.0.1:{HttpPort}";

    public GrpcChannel Channel { get; }

    /// <summary>The operating-system process id of the current run (it changes with a restart).</summary>
    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the service logged (this run and the ones before a restart), for assertion messages.</summary>
    public string Log(int lines = 60)
    {
        var all = string.Join('\n', earlierLogs.Append(process.Output)).Split('\n');
        return $"--- last lines of {Name}'s log ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    /// <summary>
    /// Starts the service's build output (artifacts/bin/NetworkPlatform.{project}/{configuration}) with
    /// <paramref name="environment"/>; returns once it listens (its start-up work done), not yet necessarily SERVING.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string name, string project, string healthService, IReadOnlyDictionary<string,
        string> environment)
    {
        var settings = new Dictionary<string, string>(environment)
        {
            ["BIND_ADDRESS"] = "127.0.0.1",
            ["OTEL_SERVICE_NAME"] = name,
            ["Logging__Format"] = "text",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        var (process, port, httpPort) = await LaunchAsync(name, project, settings, port: 0);
        return new ServiceProcess(name, project, healthService, settings, process, port, httpPort);
    }

    /// <summary>Waits until readiness reports SERVING; fails with the service's log otherwise.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} while starting.\n{Log()}");
            }
            last = await HealthAsync();
            if (last == nameof(HealthCheckResponse.Types.ServingStatus.Serving))
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not SERVING within {timeout} (last: {last}).\n{Log()}");
    }

    /// <summary>What grpc.health.v1 Check answers for <see cref="HealthService"/> now: Serving, NotServing, or the call's error.</summary>
    public async Task<string> HealthAsync()
    {
        try
        {
            var answer = await new Health.HealthClient(Channel).CheckAsync(
                new HealthCheckRequest { Service = HealthService }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(2)));
            return answer.Status.ToString();
        }
        catch (RpcException e)
        {
            return $"{e.StatusCode}: {e.Status.Detail}";
        }
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it was doing.</summary>
    public async Task KillAsync()
    {
        Signal("KILL");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM, as Kubernetes stops a pod; returns how long the process took to exit (it is killed after <paramref
    /// name="limit"/>).</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        Signal("TERM");
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            await KillAsync();
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Starts the service again, with the same settings and on the same port, after it was killed or stopped.</summary>
    public async Task RestartAsync()
    {
        if (!process.HasExited)
        {
            throw new InvalidOperationException($"{Name} is still running: stop or kill it before restarting it.");
        }
        earlierLogs.Add(process.Output);
        await process.DisposeAsync();
        (process, _, var httpPort) = await LaunchAsync(Name, project, environment, Port);
        HttpPort = httpPort;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await process.DisposeAsync();
    }

    private static async Task<(PeerProcess Process, int Port, int HttpPort)> LaunchAsync(string name, string project, Dictionary<string,
        string> environment, int port)
    {
        // The test's own output folder names the configuration (debug or release) the services were built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var dll = RepositoryPaths.Combine("artifacts", "bin", $"NetworkPlatform.{project}", configuration,
            $"NetworkPlatform.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException(
                $"{dll} does not exist: build the project that starts {name} (it builds the services first).");
        }
        var settings = new Dictionary<string, string>(environment)
        {
            ["GRPC_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            // JSON, gRPC-Web and pages: bound after the gRPC port, so the first address logged is gRPC's.
            ["HTTP_PORT"] = "0",
        };
        var process = PeerProcess.Start("dotnet", [dll], settings);
        StartWatchdog(process.Id);
        var deadline = DateTime.UtcNow + ListenTimeout;
        MatchCollection listening;
        while ((listening = ListeningOn().Matches(process.Output)).Count < 2)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var output = process.Output;
                await process.DisposeAsync();
                throw new InvalidOperationException(
                    $"{name} did not start listening within {ListenTimeout.TotalSeconds} s. Its output:\n{output}");
            }
            await Task.Delay(100);
        }
        return (process, int.Parse(listening[0].Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(listening[1].Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private void Signal(string signal)
    {
        if (process.HasExited)
        {
            return;
        }
        using var kill = Process.Start(new ProcessStartInfo("kill",
            [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run kill.");
        kill.WaitForExit();
    }

    private static void StartWatchdog(int servicePid)
    {
        var script = "exec >/dev/null 2>&1 </dev/null; " +
            $"while kill -0 {Environment.ProcessId} && kill -0 {servicePid}; do sleep 1; done; kill -9 {servicePid}";
        using var watchdog = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start the watchdog (setsid sh).");
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningOn();
}
