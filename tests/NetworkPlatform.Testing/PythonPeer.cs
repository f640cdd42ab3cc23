using System.Diagnostics;

namespace NetworkPlatform.Testing;

/// <summary>
/// Runs a script with Debian's /usr/bin/python3 (which has grpcio, grpc_tools and h2; the pyenv python on PATH does not)
/// as an independent peer, with a hard timeout so a stuck peer fails the test instead of hanging it.
/// </summary>
public static class PythonPeer
{
    public const string Interpreter = "/usr/bin/python3";

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static async Task<Result> RunAsync(string scriptPath, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(scriptPath)!,
        };
        start.ArgumentList.Add("-u");
        start.ArgumentList.Add(scriptPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Interpreter}; install python3 (tests/tools/install-deps.sh).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{Path.GetFileName(scriptPath)} {string.Join(' ', arguments)} did not finish within {timeout}.\n--- stdout\n{await output}\n--- stderr\n{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs the script and fails with its output unless it exits with 0.</summary>
    public static async Task<string> RunSuccessfullyAsync(string scriptPath, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var result = await RunAsync(scriptPath, arguments, timeout);
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"{Path.GetFileName(scriptPath)} {string.Join(' ', arguments)} failed: {result}");
        }
        return result.Output;
    }
}
