using System.Globalization;
using System.Text.RegularExpressions;
using NetworkPlatform.Deploy.Tests.Support;

namespace NetworkPlatform.Deploy.Tests.Kubernetes;

/// <summary>
/// Every replica the autoscalers (HPA or KEDA) may start holds at most its pool (Storage__MaxPoolSize) plus the outbox relay's own
/// connection; together they must leave PostgreSQL's max_connections room for its reserved superuser slots and for
/// operators (psql, CloudNativePG's own sessions), or a burst on one service locks everyone out.
/// </summary>
public sealed partial class ConnectionBudgetTests
{
    /// <summary>superuser_reserved_connections (PostgreSQL's default) and sessions left for operators and tooling.</summary>
    private const int Reserved = 3 + 10;

    private const int PostgresDefaultMaxConnections = 100;

    public static TheoryData<string> Overlays => ["overlays/dev", "overlays/prod"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void every_services_replicas_at_their_maximum_fit_in_the_servers_connections_with_room_for_operators(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        var config = rendered.Get("ConfigMap", "platform-config");

        var demand = Conventions.Services.Select(service =>
        {
            var maxReplicas = MaxReplicas(rendered, service.Name);
            var pool = PoolSize(rendered.Get("Deployment", service.Name), config);
            return (service.Name, maxReplicas, pool, Connections: maxReplicas * (pool + 1));
        }).ToList();
        var maxConnections = MaxConnections(rendered);

        var total = demand.Sum(d => d.Connections);
        Assert.True(total <= maxConnections - Reserved,
            $"{overlay}: {string.Join(" + ", demand.Select(d => $"{d.Name} {d.maxReplicas} x ({d.pool} + 1)"))} = {total} connections, " +
            $"but max_connections {maxConnections} leaves {maxConnections - Reserved} after {Reserved} reserved: " +
            "lower Storage__MaxPoolSize or the maximum of replicas, " +
            "or raise max_connections (deploy/README.md, connection budget).");
    }

    /// <summary>The most replicas the Deployment's autoscaler may run: a HorizontalPodAutoscaler's or a KEDA ScaledObject's.</summary>
    private static int MaxReplicas(RenderedOverlay rendered, string deployment)
    {
        var scalers = rendered.OfKind("HorizontalPodAutoscaler").Concat(rendered.OfKind("ScaledObject"))
            .Where(s => s.At("spec.scaleTargetRef.name").Text == deployment)
            .ToList();
        var scaler = Assert.Single(scalers);
        return (scaler.At("spec.maxReplicas").Int ?? scaler.At("spec.maxReplicaCount").Int)
            ?? throw new Xunit.Sdk.XunitException($"{rendered.Name}: the autoscaler of {deployment} sets no maximum.");
    }

    /// <summary>Storage__MaxPoolSize from the container's own env, else platform-config (which must set it: the budget is
    /// explicit).</summary>
    private static int PoolSize(Node deployment, Node config)
    {
        var env = deployment.At("spec.template.spec.containers").Items.SelectMany(c => c["env"].Items)
            .FirstOrDefault(e => e["name"].Text == "Storage__MaxPoolSize");
        var value = env?["value"].Text ?? config.At("data.Storage__MaxPoolSize").Text;
        return int.Parse(value ?? throw new Xunit.Sdk.XunitException("platform-config does not set Storage__MaxPoolSize."),
            CultureInfo.InvariantCulture);
    }

    /// <summary>CloudNativePG's postgresql.parameters, or the in-cluster StatefulSet's `-c max_connections=` argument.</summary>
    private static int MaxConnections(RenderedOverlay rendered)
    {
        if (rendered.OfKind("Cluster").FirstOrDefault() is { } cluster)
        {
            var parameter = cluster.At("spec.postgresql.parameters.max_connections").Text;
            return parameter is null ? PostgresDefaultMaxConnections : int.Parse(parameter, CultureInfo.InvariantCulture);
        }
        var arguments = string.Join(' ', rendered.Get("StatefulSet", "postgres").At("spec.template.spec.containers").Items
            .SelectMany(c => c["args"].Items.Select(a => a.Text)));
        var match = MaxConnectionsArgument().Match(arguments);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : PostgresDefaultMaxConnections;
    }

    [GeneratedRegex(@"max_connections=(\d+)")]
    private static partial Regex MaxConnectionsArgument();
}
