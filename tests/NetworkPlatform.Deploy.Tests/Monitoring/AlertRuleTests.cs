using NetworkPlatform.Deploy.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Monitoring;

/// <summary>
/// deploy/prometheus/alerts.yml is the one source of the alerts: promtool checks it and runs its unit tests, the prod
/// overlay's PrometheusRule carries the same groups, and make up's Prometheus configuration loads it.
/// </summary>
public sealed class AlertRuleTests
{
    private static readonly string Alerts = RepositoryPaths.Combine("deploy", "prometheus", "alerts.yml");

    private static string Promtool => Processes.OnPath("promtool") ?? throw new Xunit.Sdk.XunitException(
        "promtool is not on PATH: tests/tools/install-deps.sh installs Debian's prometheus package (run `make test`).");

    [Fact]
    public void promtool_accepts_the_alert_rules()
    {
        var result = Processes.Run(Promtool, ["check", "rules", Alerts], TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.Contains("SUCCESS: 7 rules found", result.Combined);
    }

    [Fact]
    public void every_alert_passes_its_promtool_unit_tests()
    {
        var result = Processes.Run(Promtool, ["test", "rules", "alerts.test.yml"], TimeSpan.FromMinutes(1),
            workingDirectory: RepositoryPaths.Combine("deploy", "prometheus"));

        Assert.True(result.ExitCode == 0, result.Combined);
        var tested = File.ReadAllText(RepositoryPaths.Combine("deploy", "prometheus", "alerts.test.yml"));
        foreach (var alert in AlertNames(Node.Load(File.ReadAllText(Alerts))))
        {
            Assert.Contains($"alertname: {alert}\n", tested);
        }
    }

    [Fact]
    public void the_prod_prometheus_rule_carries_exactly_the_groups_of_alerts_yml()
    {
        var source = Node.Load(File.ReadAllText(Alerts))["groups"].Json;
        var spec = Kustomize.Render("overlays/prod").Get("PrometheusRule", "networkplatform-alerts").At("spec.groups").Json;

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(source), System.Text.Json.Nodes.JsonNode.Parse(spec)),
            "deploy/k8s/overlays/prod/prometheus-rules.yaml differs from deploy/prometheus/alerts.yml: copy the groups of alerts.yml into its spec.");
    }

    [Fact]
    public void every_alert_has_a_runbook_entry_in_operations_md()
    {
        var operations = File.ReadAllText(RepositoryPaths.Combine("docs", "operations.md"));

        foreach (var alert in AlertNames(Node.Load(File.ReadAllText(Alerts))))
        {
            Assert.Contains($"### {alert}\n", operations);
        }
    }

    [Fact]
    public void make_ups_prometheus_configuration_is_valid_and_scrapes_every_service_with_the_alerts_loaded()
    {
        var state = Path.Combine(Path.GetTempPath(), $"np-up-prometheus-{Guid.NewGuid():N}");
        try
        {
            var script = $"source deploy/local/env.sh; state={state}; " +
                "eval \"$(sed -n '/^write_prometheus_config() {/,/^}/p' deploy/local/up.sh)\"; write_prometheus_config";
            var written = Processes.Run("bash", ["-c", script], TimeSpan.FromSeconds(30));
            Assert.True(written.ExitCode == 0, written.Combined);
            var config = Path.Combine(state, "prometheus", "prometheus.yml");

            var result = Processes.Run(Promtool, ["check", "config", config], TimeSpan.FromMinutes(1));

            Assert.True(result.ExitCode == 0, result.Combined);
            var parsed = Node.Load(File.ReadAllText(config));
            Assert.Equal([Alerts], parsed["rule_files"].Texts);
            Assert.Equal(Conventions.Services.Select(s => s.Name), parsed["scrape_configs"].Items.Select(j => j["job_name"].Text));
        }
        finally
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }

    private static IEnumerable<string> AlertNames(Node rules) =>
        rules["groups"].Items.SelectMany(g => g["rules"].Items).Select(r => r["alert"].Text).OfType<string>();
}
