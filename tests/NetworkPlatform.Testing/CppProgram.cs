using System.Diagnostics;
using System.Globalization;

namespace NetworkPlatform.Testing;

/// <summary>
/// Builds a small C++ program on Debian's grpc++ (protoc + grpc_cpp_plugin + g++) into artifacts/cpp/&lt;name&gt;, once:
/// again only when its source or one of its protos changed. Used for the independent C++ peer of the conformance
/// tests and the C++ baseline of the benchmarks.
/// </summary>
public static class CppProgram
{
    private static readonly SemaphoreSlim OneBuildAtATime = new(1, 1);

    /// <param name="protos">Each proto as (import root, path below it), e.g. (protos/, google/rpc/status.proto).</param>
    public static async Task<string> BuildAsync(string name, string source, IReadOnlyList<(string Root, string File)> protos, bool optimise)
    {
        var buildDirectory = RepositoryPaths.Combine("artifacts", "cpp", name);
        var binary = Path.Combine(buildDirectory, name);
        var newestInput = protos.Select(p => File.GetLastWriteTimeUtc(Path.Combine(p.Root, p.File))).Append(File.GetLastWriteTimeUtc(source)).Max();
        await OneBuildAtATime.WaitAsync();
        try
        {
            if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) > newestInput)
            {
                return binary;
            }
            Directory.CreateDirectory(buildDirectory);
            Console.WriteLine($"Building {name} (C++ on grpc++) into {buildDirectory}, about a minute...");
            var includes = protos.Select(p => "-I" + p.Root).Distinct(StringComparer.Ordinal);
            await RunAsync("protoc", [.. includes, "--cpp_out=" + buildDirectory, "--grpc_out=" + buildDirectory, "--plugin=protoc-gen-grpc=/usr/bin/grpc_cpp_plugin", .. protos.Select(p => p.File)]);
            // Message-only protos get an empty .grpc.pb.cc that still costs a grpc++ compile: leave those out.
            var generated = protos.SelectMany(p => (DeclaresService(p) ? new[] { ".pb.cc", ".grpc.pb.cc" } : [".pb.cc"])
                .Select(suffix => Path.Combine(buildDirectory, Path.ChangeExtension(p.File, null) + suffix)));
            var flags = (await RunAsync("pkg-config", ["--cflags", "--libs", "grpc++", "protobuf"])).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await RunAsync("g++", [optimise ? "-O2" : "-O0", "-std=c++17", "-I" + buildDirectory, source, .. generated, .. flags, "-o", binary + ".tmp"]);
            File.Move(binary + ".tmp", binary, overwrite: true); // a build cut short never passes for a finished one
            return binary;
        }
        finally
        {
            OneBuildAtATime.Release();
        }
    }

    private static bool DeclaresService((string Root, string File) proto) =>
        File.ReadLines(Path.Combine(proto.Root, proto.File)).Any(line => line.StartsWith("service ", StringComparison.Ordinal));

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is missing ({e.Message}): install the C++ gRPC toolchain with tests/tools/install-deps.sh.", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                var reason = await errors;
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {reason}\nInstall the C++ gRPC toolchain with tests/tools/install-deps.sh."));
            }
            return await output;
        }
    }
}
