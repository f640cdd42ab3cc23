using System.Diagnostics;
using System.Threading.Channels;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Messaging.Tests.Fixtures;

/// <summary>NetworkPlatform.Messaging.TestHost as a child process: a publishing or consuming service the test can SIGKILL.</summary>
public sealed class PublisherProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    private PublisherProcess(Process process) => _process = process;

    public string? LastLine { get; private set; }

    /// <summary>Where the process serves its metrics (Prometheus text), from its first line.</summary>
    public string? MetricsUrl { get; private set; }

    /// <summary>Configuration goes in as Storage__* and Bus__* environment variables, as in a container.</summary>
    public static PublisherProcess Start(IReadOnlyDictionary<string, string?> configuration, params string[] arguments)
    {
        var hostDll = Path.Combine(
            RepositoryPaths.Root, "artifacts", "bin", "NetworkPlatform.Messaging.TestHost",
            new DirectoryInfo(AppContext.BaseDirectory).Name, "NetworkPlatform.Messaging.TestHost.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {hostDll}.");
        var publisher = new PublisherProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                if (e.Data.StartsWith("metrics ", StringComparison.Ordinal))
                {
                    publisher.MetricsUrl = e.Data["metrics ".Length..];
                }
                publisher._lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                publisher._lines.Writer.TryWrite("stderr: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return publisher;
    }

    /// <summary>Reads output until a line equals <paramref name="line"/>.</summary>
    public async Task WaitForLineAsync(string line, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var next = await _lines.Reader.ReadAsync(cancel.Token);
                seen.Add(next);
                LastLine = next;
                if (next == line)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The publisher process did not print '{line}' within {timeout.TotalSeconds} s. It printed:\n{string.Join('\n', seen.TakeLast(30))}");
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
