using System.Diagnostics;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>
/// The C++ baseline (Peers/cpp/echo_server.cc: Debian's grpc++ sync server with grpc.health.v1), built with -O2 into artifacts/cpp
/// when its source or the proto changed, then run as a separate process.
/// </summary>
internal sealed class CppEchoServer(Process process, int port) : IAsyncDisposable
{
    private static string Source => RepositoryPaths.Combine("tests", "NetworkPlatform.Benchmarks", "Peers", "cpp", "echo_server.cc");

    /// <summary>The port the server listens on (on 127.0.0.1; the kernel picked it).</summary>
    public int Port => port;

    public static async Task<CppEchoServer> StartAsync()
    {
        var binary = await CppProgram.BuildAsync("echo_server", Source,
            [(RepositoryPaths.Combine("tests", "NetworkPlatform.Testing", "Protos"), "echo.proto")], optimise: true);
        var process = Process.Start(new ProcessStartInfo(binary, "0")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready is null || !ready.StartsWith("READY", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The C++ echo server did not start: {await process.StandardError.ReadToEndAsync()}");
        }
        return new CppEchoServer(process, int.Parse(ready["READY ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>CPU time the server process used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
