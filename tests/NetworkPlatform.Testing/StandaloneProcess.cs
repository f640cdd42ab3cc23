using System.Globalization;
using Xunit;

namespace NetworkPlatform.Testing;

/// <summary>
/// make run's build output (services/Standalone: the four services, the issuer and the dashboard in one process, the demo
/// seeded) on its own data directory, once its banner (printed when every listener is bound) is out. It listens on fixed
/// ports (GRPC_PORT, HTTP_PORT: the issuer names its own address), so it gets candidate ports, others on a conflict.
/// </summary>
public sealed class StandaloneProcess : IAsyncDisposable
{
    private const string Running = "Network Platform is running";

    private StandaloneProcess(PeerProcess process, string dataDirectory, int grpcPort, int httpPort)
    {
        Process = process;
        DataDirectory = dataDirectory;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
    }

    public PeerProcess Process { get; }

    public string DataDirectory { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    /// <summary>JSON, gRPC-Web, the issuer and the dashboard.</summary>
    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}/");

    public static async Task<StandaloneProcess> StartAsync(string dataDirectory)
    {
        var dll = RepositoryPaths.Combine("artifacts", "bin", "NetworkPlatform.Standalone",
            new DirectoryInfo(AppContext.BaseDirectory).Name, "NetworkPlatform.Standalone.dll");
        for (var attempt = 1; ; attempt++)
        {
            var (grpcPort, httpPort) = (CandidatePort.Next(), CandidatePort.Next());
            var standalone = PeerProcess.Start("dotnet", [dll, "--data-dir", dataDirectory],
                new Dictionary<string, string> { ["GRPC_PORT"] = Text(grpcPort), ["HTTP_PORT"] = Text(httpPort) });
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!standalone.HasExited && DateTime.UtcNow < deadline && !standalone.Output.Contains(Running, StringComparison.Ordinal))
            {
                await Task.Delay(200);
            }
            if (!standalone.HasExited && standalone.Output.Contains(Running, StringComparison.Ordinal))
            {
                return new StandaloneProcess(standalone, dataDirectory, grpcPort, httpPort);
            }
            await standalone.DisposeAsync();
            Assert.True(attempt < 3 && PortTaken(standalone.Output), standalone.Output);
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static bool PortTaken(string output) =>
        output.Contains("already in use", StringComparison.OrdinalIgnoreCase) || output.Contains("eaddrinuse", StringComparison.Ordinal);
}
