using System.Diagnostics;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>
/// The C++ baseline (Peers/cpp/echo_server.cc on Debian's grpc++ sync server), built with -O2 into artifacts/cpp
/// when its source or the proto changed, then run as a separate process.
/// </summary>
internal sealed class CppEchoServer(Process process) : IAsyncDisposable
{
    private static string Source => RepositoryPaths.Combine("tests", "NetworkPlatform.Benchmarks", "Peers", "cpp", "echo_server.cc");

    public static async Task<CppEchoServer> StartAsync(int port)
    {
        var binary = await CppProgram.BuildAsync("echo_server", Source,
            [(RepositoryPaths.Combine("tests", "NetworkPlatform.Testing", "Protos"), "echo.proto")], optimise: true);
        var process = Process.Start(new ProcessStartInfo(binary, port.ToString(System.Globalization.CultureInfo.InvariantCulture))
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
        return new CppEchoServer(process);
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
