using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Messaging.Tests.Monitoring;

/// <summary>
/// The platform's alert rules in a real Prometheus (Debian's) scraping a consuming process, as under `make up`: stopping
/// the broker fires QueueWithoutConsumer, starting it again clears it. The rules are deploy/prometheus/alerts.yml with
/// QueueWithoutConsumer's `for: 1m` shortened to 5 s and 1 s scrape and evaluation intervals, to keep the test short;
/// the real minute is covered by its promtool unit test.
/// </summary>
public sealed partial class ConsumerAlertTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _consumer = "reporting-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task stopping_the_broker_fires_the_no_consumer_alert_and_starting_it_clears_it()
    {
        await using var rabbit = await RabbitMqServer.StartNewAsync();
        var configuration = await Environments.ProcessAsync(await Environments.RabbitMqBusAsync(rabbit), Environments.Sqlite, _consumer);
        await using var consumer = PublisherProcess.Start(configuration, "consume", _consumer);
        await consumer.WaitForLineAsync("started", Patience);
        await using var prometheus = await PrometheusProcess.StartAsync(new Uri(consumer.MetricsUrl!));

        await prometheus.WaitForAsync(async () => await prometheus.QueryAsync("networkplatform_consumer_attached") == 1, "the consumer attached");
        Assert.False(await prometheus.FiringAsync("QueueWithoutConsumer"));

        // Timed from the stop's start: the consumer may lose its connection while the broker is still shutting down.
        var stopped = Stopwatch.StartNew();
        await rabbit.StopAsync();
        await prometheus.WaitForAsync(() => prometheus.FiringAsync("QueueWithoutConsumer"), "QueueWithoutConsumer firing after the broker stopped");
        // Its window: the 5 s `for`, plus scrape and evaluation (1 s each) and the endpoint noticing the lost connection.
        Assert.InRange(stopped.Elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

        await rabbit.StartAsync();
        await prometheus.WaitForAsync(async () => !await prometheus.FiringAsync("QueueWithoutConsumer"), "QueueWithoutConsumer cleared after the broker came back");
        Assert.Equal(1, await prometheus.QueryAsync("networkplatform_consumer_attached"));
    }

    /// <summary>Debian's Prometheus on a port of its own choosing (read back from its log), in a temporary directory.</summary>
    private sealed partial class PrometheusProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _directory;
        private readonly HttpClient _http;

        private PrometheusProcess(Process process, string directory, Uri api)
        {
            _process = process;
            _directory = directory;
            _http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(10) };
        }

        public static async Task<PrometheusProcess> StartAsync(Uri target)
        {
            if (!File.Exists("/usr/bin/prometheus"))
            {
                throw new InvalidOperationException("prometheus is not installed: run tests/tools/install-deps.sh (or `make test`).");
            }
            var directory = Path.Combine(Path.GetTempPath(), "np-prometheus-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            var rules = await File.ReadAllTextAsync(RepositoryPaths.Combine("deploy", "prometheus", "alerts.yml"));
            var shortened = QueueWithoutConsumerFor().Replace(rules, "${alert}5s", 1);
            Assert.NotEqual(rules, shortened);
            await File.WriteAllTextAsync(Path.Combine(directory, "alerts.yml"), shortened);
            await File.WriteAllTextAsync(Path.Combine(directory, "prometheus.yml"), $"""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [alerts.yml]
                scrape_configs:
                  - job_name: reporting
                    metrics_path: {target.AbsolutePath}
                    static_configs:
                      - targets: ["{target.Authority}"]
                """);
            var log = Path.Combine(directory, "prometheus.log");
            var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec /usr/bin/prometheus --config.file=prometheus.yml --storage.tsdb.path=data --web.listen-address=127.0.0.1:0 >{log} 2>&1"])
            {
                WorkingDirectory = directory,
                UseShellExecute = false,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start prometheus.");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (true)
            {
                var listening = File.Exists(log) ? ListeningOn().Match(await File.ReadAllTextAsync(log)) : Match.Empty;
                if (listening.Success)
                {
                    return new PrometheusProcess(process, directory, new Uri($"http://{listening.Groups[1].Value}/"));
                }
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    process.Kill();
                    throw new InvalidOperationException($"Prometheus did not start: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no log)")}");
                }
                await Task.Delay(100);
            }
        }

        /// <summary>The value of an instant query returning one series; NaN when it returns none.</summary>
        public async Task<double> QueryAsync(string query)
        {
            using var answer = await _http.GetFromJsonAsync<JsonDocument>($"api/v1/query?query={Uri.EscapeDataString(query)}");
            var result = answer!.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 1 ? double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
        }

        public async Task<bool> FiringAsync(string alert)
        {
            using var answer = await _http.GetFromJsonAsync<JsonDocument>("api/v1/alerts");
            return answer!.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
                .Any(a => a.GetProperty("labels").GetProperty("alertname").GetString() == alert && a.GetProperty("state").GetString() == "firing");
        }

        public async Task WaitForAsync(Func<Task<bool>> condition, string what)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!await condition())
            {
                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"Timed out after {Patience.TotalSeconds} s waiting for: {what}. Prometheus log: {Path.Combine(_directory, "prometheus.log")}");
                }
                await Task.Delay(250);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
            await _process.WaitForExitAsync();
            _process.Dispose();
            _http.Dispose();
            Directory.Delete(_directory, recursive: true);
        }

        [GeneratedRegex(@"msg=""Listening on"" address=(127\.0\.0\.1:\d+)")]
        private static partial Regex ListeningOn();

        [GeneratedRegex(@"(?<alert>- alert: QueueWithoutConsumer\n(?:.*\n)*?\s+for: )1m")]
        private static partial Regex QueueWithoutConsumerFor();
    }
}
