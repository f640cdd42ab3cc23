using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace NetworkPlatform.Testing;

/// <summary>
/// A python script (Debian's /usr/bin/python3 with grpcio) run as an independent peer. The script prints a line
/// starting with "READY" once it listens; everything it prints is kept for failure messages. Disposing kills it.
/// </summary>
public sealed class PythonServer : IAsyncDisposable
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly ConcurrentDictionary<string, Lazy<string>> CompiledProtos = new(StringComparer.Ordinal);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PythonServer(Process process)
    {
        this.process = process;
    }

    /// <summary>Everything the script printed so far (stdout and stderr), for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>Starts the script and waits (at most <paramref name="timeout"/>, default 30 s) for its READY line.</summary>
    public static async Task<PythonServer> StartAsync(string script, IEnumerable<string> arguments, IEnumerable<string> pythonPath, TimeSpan? timeout = null)
    {
        var server = Start(script, arguments, pythonPath);
        try
        {
            await server.WaitUntilReadyAsync(timeout ?? TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the script without waiting for it to listen (for peers that come up late).</summary>
    public static PythonServer Start(string script, IEnumerable<string> arguments, IEnumerable<string> pythonPath)
    {
        var info = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-u");
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["PYTHONPATH"] = string.Join(':', pythonPath);
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new PythonServer(process);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.Exited += (_, _) => server.ready.TrySetException(new InvalidOperationException($"{script} exited before it was ready:\n{server.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The READY line, once the script printed it.</summary>
    public async Task<string> WaitUntilReadyAsync(TimeSpan timeout)
    {
        try
        {
            return await ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The python peer did not print READY within {timeout}:\n{Output}");
        }
    }

    /// <summary>
    /// Python modules generated from protos with grpc_tools.protoc into a temp folder (once per proto set and
    /// process), for PYTHONPATH. Files are relative to <paramref name="protoRoot"/>.
    /// </summary>
    public static string CompileProtos(string protoRoot, params string[] files)
    {
        var key = protoRoot + "|" + string.Join('|', files);
        return CompiledProtos.GetOrAdd(key, _ => new Lazy<string>(() => RunProtoc(protoRoot, files))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
        if (line.StartsWith("READY", StringComparison.Ordinal))
        {
            ready.TrySetResult(line);
        }
    }

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
