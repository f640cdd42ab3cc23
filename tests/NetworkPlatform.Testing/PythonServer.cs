using System.Collections.Concurrent;
using System.Diagnostics;

namespace NetworkPlatform.Testing;

/// <summary>Python scripts (Debian's /usr/bin/python3 with grpcio) run as independent peers.</summary>
public static class PythonServer
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly ConcurrentDictionary<string, Lazy<string>> CompiledProtos = new(StringComparer.Ordinal);

    /// <summary>Starts the script and waits (at most <paramref name="timeout"/>, default 30 s) for its READY line.</summary>
    public static Task<PeerProcess> StartAsync(string script, IEnumerable<string> arguments, IEnumerable<string> pythonPath, TimeSpan? timeout = null) =>
        PeerProcess.StartAsync(Interpreter, ["-u", script, .. arguments], Environment(pythonPath), timeout);

    /// <summary>Starts the script without waiting for it to listen (for peers that come up late).</summary>
    public static PeerProcess Start(string script, IEnumerable<string> arguments, IEnumerable<string> pythonPath) =>
        PeerProcess.Start(Interpreter, ["-u", script, .. arguments], Environment(pythonPath));

    /// <summary>
    /// Python modules generated from protos with grpc_tools.protoc into a temp folder (once per proto set and
    /// process), for PYTHONPATH. Files are relative to <paramref name="protoRoot"/>.
    /// </summary>
    public static string CompileProtos(string protoRoot, params string[] files)
    {
        var key = protoRoot + "|" + string.Join('|', files);
        return CompiledProtos.GetOrAdd(key, _ => new Lazy<string>(() => RunProtoc(protoRoot, files))).Value;
    }

    private static Dictionary<string, string> Environment(IEnumerable<string> pythonPath) => new()
    {
        ["PYTHONPATH"] = string.Join(':', pythonPath),
        ["PYTHONDONTWRITEBYTECODE"] = "1",
    };

    private static string RunProtoc(string protoRoot, string[] files)
    {
        var outputDir = Directory.CreateTempSubdirectory("np-pyproto-").FullName;
        var info = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "grpc_tools.protoc", "-I" + protoRoot, "--python_out=" + outputDir, "--grpc_python_out=" + outputDir }.Concat(files))
        {
            info.ArgumentList.Add(argument);
        }
        using var protoc = Process.Start(info)!;
        var stderr = protoc.StandardError.ReadToEndAsync();
        if (!protoc.WaitForExit(60_000) || protoc.ExitCode != 0)
        {
            throw new InvalidOperationException($"grpc_tools.protoc failed for {string.Join(", ", files)}: {stderr.Result}. Is python3-grpc-tools installed (tests/tools/install-deps.sh)?");
        }
        return outputDir;
    }
}
