using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>One h2load run: its throughput and the per-request latencies from --log-file.</summary>
internal sealed record H2LoadResult(long Succeeded, long Failed, TimeSpan Elapsed, double[] LatenciesMicroseconds)
{
    /// <summary>CPU time the server used during the run (set by the caller, who knows where the server runs).</summary>
    public TimeSpan ServerCpu { get; init; }

    public double RequestsPerSecond => Succeeded / Elapsed.TotalSeconds;

    public double ServerCpuMicrosecondsPerCall => ServerCpu.TotalMicroseconds / Math.Max(1, Succeeded);
}

/// <summary>Drives a server with h2load (nghttp2-client): the same settings for every server in the comparison.</summary>
internal static partial class H2Load
{
    public const int Connections = 16;
    public const int StreamsPerConnection = 16;

    public static async Task<H2LoadResult> RunAsync(int port, string path, byte[] requestFrame, TimeSpan duration, CancellationToken cancellationToken,
        string? authorization = null)
    {
        var work = Directory.CreateTempSubdirectory("np-h2load-");
        try
        {
            var body = Path.Combine(work.FullName, "request.bin");
            var log = Path.Combine(work.FullName, "requests.log");
            await File.WriteAllBytesAsync(body, requestFrame, cancellationToken);
            var info = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true };
            string[] arguments =
            [
                "-D", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
                "-c", Connections.ToString(CultureInfo.InvariantCulture),
                "-m", StreamsPerConnection.ToString(CultureInfo.InvariantCulture),
                "-t", "1",
                "-H", "content-type: application/grpc",
                "-H", "te: trailers",
                "-d", body,
                .. authorization is null ? Array.Empty<string>() : ["-H", "authorization: " + authorization],
                "--log-file", log,
                $"http://127.0.0.1:{port}{path}",
            ];
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }
            using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start h2load; install nghttp2-client.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            _ = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var text = await output;
            var requests = RequestsLine().Match(text);
            var finished = FinishedLine().Match(text);
            if (process.ExitCode != 0 || !requests.Success || !finished.Success)
            {
                throw new InvalidOperationException($"h2load failed ({process.ExitCode}):\n{text}");
            }
            var latencies = (await File.ReadAllLinesAsync(log, cancellationToken))
                .Select(line => line.Split('\t'))
                .Where(fields => fields.Length >= 3 && fields[1] == "200")
                .Select(fields => double.Parse(fields[2], CultureInfo.InvariantCulture))
                .ToArray();
            return new H2LoadResult(
                long.Parse(requests.Groups["succeeded"].Value, CultureInfo.InvariantCulture),
                long.Parse(requests.Groups["failed"].Value, CultureInfo.InvariantCulture) + long.Parse(requests.Groups["errored"].Value, CultureInfo.InvariantCulture),
                ParseDuration(finished.Groups["value"].Value, finished.Groups["unit"].Value),
                latencies);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static TimeSpan ParseDuration(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "s" => TimeSpan.FromSeconds(number),
            "ms" => TimeSpan.FromMilliseconds(number),
            _ => TimeSpan.FromMicroseconds(number),
        };
    }

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (?<succeeded>\d+) succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"finished in (?<value>[\d.]+)(?<unit>s|ms|us)")]
    private static partial Regex FinishedLine();
}
