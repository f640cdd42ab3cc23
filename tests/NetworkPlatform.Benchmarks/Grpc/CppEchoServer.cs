using System.Diagnostics;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>
/// The C++ baseline (Peers/cpp/echo_server.cc on Debian's grpc++ sync server), built into artifacts/bench/cpp
/// when its source or the proto changed, then run as a separate process.
/// </summary>
internal sealed class CppEchoServer(Process process) : IAsyncDisposable
{
    private static string Source => RepositoryPaths.Combine("tests", "NetworkPlatform.Benchmarks", "Peers", "cpp", "echo_server.cc");

    private static string ProtoDirectory => RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Protos");

    private static string BuildDirectory => RepositoryPaths.Combine("artifacts", "bench", "cpp");

    private static string Binary => Path.Combine(BuildDirectory, "echo_server");

    public static async Task<CppEchoServer> StartAsync(int port)
    {
        await BuildAsync();
        var process = Process.Start(new ProcessStartInfo(Binary, port.ToString(System.Globalization.CultureInfo.InvariantCulture))
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

    private static async Task BuildAsync()
    {
        var proto = Path.Combine(ProtoDirectory, "echo.proto");
        var newestInput = new[] { File.GetLastWriteTimeUtc(Source), File.GetLastWriteTimeUtc(proto) }.Max();
        if (File.Exists(Binary) && File.GetLastWriteTimeUtc(Binary) > newestInput)
        {
            return;
        }
        Directory.CreateDirectory(BuildDirectory);
        Console.WriteLine($"Building the C++ echo server into {BuildDirectory} (about a minute)...");
        await RunAsync("protoc", $"-I{ProtoDirectory} --cpp_out={BuildDirectory} --grpc_out={BuildDirectory} --plugin=protoc-gen-grpc=/usr/bin/grpc_cpp_plugin {proto}");
        var flags = (await RunAsync("pkg-config", "--cflags --libs grpc++ protobuf")).Trim();
        await RunAsync("g++", $"-O2 -std=c++17 -I{BuildDirectory} {Source} {BuildDirectory}/echo.pb.cc {BuildDirectory}/echo.grpc.pb.cc {flags} -o {Binary}");
    }

    private static async Task<string> RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {arguments} failed ({process.ExitCode}): {await errors}\nInstall the C++ toolchain with tests/tools/install-deps.sh --bench.");
        }
        return await output;
    }
}
