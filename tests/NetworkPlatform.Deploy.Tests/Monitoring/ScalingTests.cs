using System.Text.RegularExpressions;
using NetworkPlatform.Deploy.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Monitoring;

/// <summary>In prod each service scales on its own workload, through exactly one autoscaler.</summary>
public sealed partial class ScalingTests
{
    private static readonly string[] ApiBound = ["membership", "groups"];
    private static readonly string[] EventBound = ["meetings", "reporting"];

    [Theory]
    [MemberData(nameof(Conventions.ServiceNames), MemberType = typeof(Conventions))]
    public void each_prod_deployment_is_scaled_by_one_scaled_object_and_no_horizontal_pod_autoscaler(string service)
    {
        var prod = Kustomize.Render("overlays/prod");

        var owners = prod.OfKind("ScaledObject").Where(s => s.At("spec.scaleTargetRef.name").Text == service).ToList();
        Assert.Single(owners);
        Assert.DoesNotContain(prod.OfKind("HorizontalPodAutoscaler"), h => h.At("spec.scaleTargetRef.name").Text == service);
        var spec = owners[0]["spec"];
        Assert.True(spec["minReplicaCount"].Int >= 2, $"{service}: at least two replicas in prod.");
        Assert.InRange(spec["minReplicaCount"].Int!.Value, 2, spec["maxReplicaCount"].Int!.Value);
        Assert.Contains("cpu", spec["triggers"].Items.Select(t => t["type"].Text));
        Assert.False(prod.Get("Deployment", service).At("spec.replicas").Exists, $"{service}: Deployment sets replicas.");
    }

    [Fact]
    public void api_bound_services_scale_on_their_own_grpc_call_rate()
    {
        var prod = Kustomize.Render("overlays/prod");

        foreach (var service in ApiBound)
        {
            var prometheus = prod.Get("ScaledObject", service).At("spec.triggers").Items.Single(t => t["type"].Text == "prometheus");
            Assert.Contains($"rate(rpc_server_call_duration_seconds_count{{job=\"{service}\"}}", prometheus.At("metadata.query").Text);
            Assert.True(double.Parse(prometheus.At("metadata.threshold").Text!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        }
    }

    [Fact]
    public void event_bound_services_scale_on_the_depth_of_their_own_handler_queues_with_the_broker_credentials_from_a_secret()
    {
        var prod = Kustomize.Render("overlays/prod");
        var authentication = prod.Get("TriggerAuthentication", "rabbitmq-management");
        var credentials = authentication.At("spec.secretTargetRef").Items.ToDictionary(r => r["parameter"].Text!, r => r["name"].Text);
        Assert.Equal("rabbitmq-default-user", credentials["username"]);
        Assert.Equal("rabbitmq-default-user", credentials["password"]);

        foreach (var service in EventBound)
        {
            var queues = prod.Get("ScaledObject", service).At("spec.triggers").Items.Where(t => t["type"].Text == "rabbitmq").ToList();
            Assert.Equal(HandlerQueues(service).Order(), queues.Select(q => q.At("metadata.queueName").Text!).Order());
            Assert.All(queues, trigger =>
            {
                Assert.StartsWith($"{service}.", trigger.At("metadata.queueName").Text);
                Assert.Equal("QueueLength", trigger.At("metadata.mode").Text);
                Assert.Equal("rabbitmq-management", trigger.At("authenticationRef.name").Text);
            });
        }
    }

    /// <summary>
    /// The service's handler queues as the bus names them ("service.handler-in-kebab-case", EventTopology.QueueName),
    /// from the AddHandler&lt;T&gt;() calls in its module.
    /// </summary>
    private static IEnumerable<string> HandlerQueues(string service)
    {
        var project = Conventions.Service(service).Project;
        var module = File.ReadAllText(RepositoryPaths.Combine("services", project, $"{project}Module.cs"));
        return AddHandler().Matches(module).Select(m => $"{service}.{KebabBoundary().Replace(m.Groups[1].Value, "-$1").ToLowerInvariant()}");
    }

    [GeneratedRegex(@"AddHandler<(\w+)>")]
    private static partial Regex AddHandler();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex KebabBoundary();
}
