using System.Diagnostics;
using System.Text;

namespace NetworkPlatform.Testing;

/// <summary>
/// An independent peer (a python script, a C++ program) run as a separate process. It prints a line starting with
/// "READY" once it listens; everything it prints is kept for failure messages. Disposing kills it.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerProcess(Process process)
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

    public int Id => process.Id;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts the program and waits (at most <paramref name="timeout"/>, default 30 s) for its READY line.</summary>
    public static async Task<PeerProcess> StartAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var server = Start(program, arguments, environment);
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

    /// <summary>Starts the program without waiting for it to listen (for peers that come up late).</summary>
    public static PeerProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new PeerProcess(process);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.Exited += (_, _) => server.ready.TrySetException(new InvalidOperationException($"{program} exited before it was ready:\n{server.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Completes when the process has exited.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => process.WaitForExitAsync(cancellationToken);

    /// <summary>The READY line, once the script printed it.</summary>
    public async Task<string> WaitUntilReadyAsync(TimeSpan timeout)
    {
        try
        {
            return await ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The peer did not print READY within {timeout}:\n{Output}");
        }
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
}
