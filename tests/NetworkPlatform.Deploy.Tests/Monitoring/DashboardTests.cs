using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkPlatform.Deploy.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Monitoring;

/// <summary>
/// The operators' Grafana dashboard, checked without Grafana (not in Debian): its shape, its queries as PromQL (promtool
/// parses them as recording rules), and every metric it names against the instruments the services define (plus
/// Npgsql's pool metrics and Prometheus' own `up`), renamed as the OpenTelemetry Prometheus exporter names them.
/// </summary>
public sealed partial class DashboardTests
{
    private static readonly string DashboardPath = RepositoryPaths.Combine("deploy", "grafana", "networkplatform-operations.json");

    /// <summary>Npgsql 10's "Npgsql" meter (pool figures), as exposed; and the scrape's own series.</summary>
    private static readonly string[] External =
        ["db_client_connection_count", "db_client_connection_max", "db_client_connection_npgsql_pending_requests", "up"];

    private static JsonElement Dashboard() => JsonDocument.Parse(File.ReadAllText(DashboardPath)).RootElement;

    private static IEnumerable<JsonElement> QueryPanels() =>
        Dashboard().GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row");

    private static IEnumerable<string> Queries() =>
        QueryPanels().SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!);

    [Fact]
    public void every_panel_has_a_unique_id_a_place_on_the_grid_and_prometheus_queries()
    {
        var panels = Dashboard().GetProperty("panels").EnumerateArray().ToList();

        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(panels, p =>
        {
            var grid = p.GetProperty("gridPos");
            Assert.InRange(grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32(), 1, 24);
        });
        Assert.All(QueryPanels(), p =>
        {
            Assert.Equal("prometheus", p.GetProperty("datasource").GetProperty("type").GetString());
            Assert.NotEmpty(p.GetProperty("targets").EnumerateArray());
        });
    }

    [Fact]
    public void every_query_is_valid_promql()
    {
        var file = Path.Combine(Path.GetTempPath(), $"np-dashboard-{Guid.NewGuid():N}.yml");
        try
        {
            // Grafana's variables, as Grafana would substitute them.
            var rules = Queries().Select((q, i) => $"      - record: dashboard:query_{i}\n        expr: {JsonSerializer.Serialize(
                q.Replace("$__rate_interval", "5m", StringComparison.Ordinal).Replace("$service", ".*", StringComparison.Ordinal))}");
            File.WriteAllText(file, "groups:\n  - name: dashboard\n    rules:\n" + string.Join('\n', rules) + "\n");

            var promtool = Processes.OnPath("promtool") ?? throw new Xunit.Sdk.XunitException(
                "promtool is not on PATH: tests/tools/install-deps.sh installs Debian's prometheus package (run `make test`).");
            var result = Processes.Run(promtool, ["check", "rules", file], TimeSpan.FromMinutes(1));

            Assert.True(result.ExitCode == 0, result.Combined);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void every_metric_the_dashboard_and_the_alerts_name_is_one_the_services_define()
    {
        var defined = DefinedMetrics().Concat(External).ToHashSet();
        var alerts = Node.Load(File.ReadAllText(RepositoryPaths.Combine("deploy", "prometheus", "alerts.yml")))["groups"].Items
            .SelectMany(g => g["rules"].Items).Select(r => r["expr"].Text!);

        var named = Queries().Concat(alerts).SelectMany(q => MetricPattern().Matches(q).Select(m => m.Groups[1].Value))
            // A histogram's series carry _bucket, _count or _sum; a gauge may end so itself (db_client_connection_count).
            .Select(n => defined.Contains(n) ? n : HistogramSeries().Replace(n, ""))
            .Where(n => !n.StartsWith("dashboard:", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(named);
        var unknown = named.Where(n => !defined.Contains(n)).ToList();
        Assert.True(unknown.Count == 0,
            $"Named but not defined by any instrument: {string.Join(", ", unknown)}. Defined: {string.Join(", ", defined.Order())}");
    }

    /// <summary>
    /// The instruments created in services/ with a name literal, as the OpenTelemetry Prometheus exporter names them:
    /// dots to underscores, unit "s" as _seconds, counters with _total.
    /// </summary>
    private static IEnumerable<string> DefinedMetrics() =>
        Directory.EnumerateFiles(RepositoryPaths.Combine("services"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => InstrumentPattern().Matches(File.ReadAllText(f)))
            .Select(m =>
            {
                var name = m.Groups["name"].Value.Replace('.', '_');
                var seconds = m.Groups["unit"].Value == "s" ? "_seconds" : "";
                var total = m.Groups["kind"].Value.EndsWith("Counter", StringComparison.Ordinal) ? "_total" : "";
                return name + seconds + total;
            });

    // Create<Kind><T>("name", ..., "unit": the unit is the next string literal after the name (past a callback, if any).
    [GeneratedRegex(""""Create(?<kind>Counter|Histogram|ObservableGauge|UpDownCounter|ObservableUpDownCounter|ObservableCounter|Gauge)(?:<\w+>)?\(\s*"(?<name>[a-z_.]+)"[^"]*,\s*(?:unit:\s*)?"(?<unit>[^"]*)"""")]
    private static partial Regex InstrumentPattern();

    [GeneratedRegex(@"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{")]
    private static partial Regex MetricPattern();

    [GeneratedRegex("_(bucket|count|sum)$")]
    private static partial Regex HistogramSeries();
}
