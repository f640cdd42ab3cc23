using Grpc.Net.Client;
using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Core;
using NetworkPlatform.Testing;

namespace NetworkPlatform.EndToEnd.Tests.Support;

/// <summary>
/// One service host as its own process: `dotnet NetworkPlatform.X.dll` (its Program.cs, as the container runs it),
/// configured only through environment variables. Ready once grpc.health.v1 answers SERVING (database and bus up).
/// Everything it logs is kept for failure messages; a watchdog ends it if the test process dies first.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly PeerProcess process;

    private ServiceProcess(string name, int port, PeerProcess process)
    {
        Name = name;
        Port = port;
        this.process = process;
        Channel = GrpcChannel.ForAddress(Address);
    }

    public string Name { get; }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    public GrpcChannel Channel { get; }

    /// <summary>The last lines the service logged, for assertion messages.</summary>
    public string Log(int lines = 60)
    {
        var all = process.Output.Split('\n');
        return $"--- last lines of {Name}'s log ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    /// <summary>Starts the service's build output (artifacts/bin/NetworkPlatform.{project}/{configuration}) with <paramref name="environment"/>.</summary>
    public static ServiceProcess Start(string name, string project, int port, IReadOnlyDictionary<string, string> environment)
    {
        // The test's own output folder names the configuration (debug or release) the services were built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var dll = RepositoryPaths.Combine("artifacts", "bin", $"NetworkPlatform.{project}", configuration, $"NetworkPlatform.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist: build tests/NetworkPlatform.EndToEnd.Tests (it builds the services first).");
        }
        var process = PeerProcess.Start("dotnet", [dll], new Dictionary<string, string>(environment)
        {
            ["GRPC_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The JSON / gRPC-Web port is not used here: one the kernel picks, so the services never collide on 8081.
            ["HTTP_PORT"] = "0",
            ["BIND_ADDRESS"] = "127.0.0.1",
            ["OTEL_SERVICE_NAME"] = name,
        });
        var service = new ServiceProcess(name, port, process);
        StartWatchdog(process.Id);
        return service;
    }

    /// <summary>Waits until the whole server reports SERVING; fails with the service's log otherwise.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} while starting.\n{Log()}");
            }
            try
            {
                var answer = await health.CheckAsync(new HealthCheckRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(2)));
                if (answer.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
                last = answer.Status.ToString();
            }
            catch (RpcException e)
            {
                last = $"{e.StatusCode}: {e.Status.Detail}";
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not SERVING within {timeout} (last: {last}).\n{Log()}");
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await process.DisposeAsync();
    }

    private static void StartWatchdog(int servicePid)
    {
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId} && kill -0 {servicePid}; do sleep 1; done; kill -9 {servicePid}";
        using var watchdog = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start the watchdog (setsid sh).");
    }
}
