using NetworkPlatform.Deploy.Tests.Support;

namespace NetworkPlatform.Deploy.Tests.Kubernetes;

/// <summary>
/// Evaluates the rendered NetworkPolicies the way the cluster does (a connection needs an egress allowance at the
/// caller and an ingress allowance at the callee) and compares who can call whom with the intended call graph.
/// </summary>
public sealed class NetworkPolicyTests
{
    private static IReadOnlyDictionary<string, string> Labels(Node pod) =>
        pod.Entries.ToDictionary(e => e.Key, e => e.Value.Text ?? "");

    private static bool Selects(Node selector, IReadOnlyDictionary<string, string> labels)
    {
        Assert.False(selector["matchExpressions"].Exists, $"{selector.Path}: matchExpressions are not evaluated by this test.");
        return selector["matchLabels"].Entries.All(e => labels.TryGetValue(e.Key, out var value) && value == e.Value.Text);
    }

    private static bool AllowsPort(Node rule, int port) =>
        !rule["ports"].Exists || rule["ports"].Items.Any(p => p["port"].Int == port);

    /// <summary>Peers in the same namespace a rule admits (a rule without peers admits everyone).</summary>
    private static bool AdmitsPod(Node rule, string direction, IReadOnlyDictionary<string, string> labels) =>
        !rule[direction].Exists || rule[direction].Items.Any(peer =>
            !peer["namespaceSelector"].Exists && !peer["ipBlock"].Exists && peer["podSelector"].Exists && Selects(peer["podSelector"], labels));

    private static bool Allowed(RenderedOverlay rendered, string kind, IReadOnlyDictionary<string, string> self,
        IReadOnlyDictionary<string, string> peer, int port)
    {
        var (types, rules, direction) = kind == "Ingress" ? ("Ingress", "ingress", "from") : ("Egress", "egress", "to");
        return rendered.OfKind("NetworkPolicy")
            .Where(p => Selects(p.At("spec.podSelector"), self) && p.At("spec.policyTypes").Texts.Contains(types))
            .SelectMany(p => p["spec"][rules].Items)
            .Any(rule => AllowsPort(rule, port) && AdmitsPod(rule, direction, peer));
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Workloads(RenderedOverlay rendered) =>
        rendered.OfKind("Deployment").ToDictionary(d => d.At("metadata.name").Text!, d => Labels(d.At("spec.template.metadata.labels")));

    private static bool CanCall(RenderedOverlay rendered, string caller, string callee, int port)
    {
        var workloads = Workloads(rendered);
        return Allowed(rendered, "Egress", workloads[caller], workloads[callee], port)
            && Allowed(rendered, "Ingress", workloads[callee], workloads[caller], port);
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void every_pod_is_denied_all_traffic_unless_a_policy_allows_it(string overlay)
    {
        var denyAll = Kustomize.Render(overlay).OfKind("NetworkPolicy").Where(p =>
            !p.At("spec.podSelector").Entries.Any()
            && p.At("spec.policyTypes").Texts.Order().SequenceEqual(["Egress", "Ingress"])
            && !p.At("spec.ingress").Exists && !p.At("spec.egress").Exists);

        Assert.Single(denyAll);
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void only_the_gateway_and_the_intended_peers_call_each_service(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        var workloads = Workloads(rendered).Keys.ToList();

        foreach (var service in Conventions.Services.Select(s => s.Name))
        {
            var expected = Conventions.Calls.Where(c => c.Value.Contains(service)).Select(c => c.Key).Append("gateway").Order();
            var actual = workloads.Where(w => w != service && CanCall(rendered, w, service, Conventions.GrpcPort)).Order();
            Assert.True(expected.SequenceEqual(actual),
                $"{overlay}: {service} should be callable by [{string.Join(", ", expected)}] but is by [{string.Join(", ", actual)}].");
        }
        foreach (var service in Conventions.Services.Select(s => s.Name))
        {
            // JSON and gRPC-Web come through the gateway only; peers call each other over gRPC.
            var actual = workloads.Where(w => w != service && CanCall(rendered, w, service, Conventions.HttpPort)).ToList();
            Assert.True(actual.SequenceEqual(["gateway"]), $"{overlay}: {service}'s HTTP port is reachable by [{string.Join(", ", actual)}], not the gateway alone.");
        }
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void every_service_reaches_dns_postgres_and_rabbitmq(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        var postgres = new Dictionary<string, string> { ["networkplatform.io/backing-service"] = "postgres" };
        var rabbitmq = new Dictionary<string, string> { ["networkplatform.io/backing-service"] = "rabbitmq" };

        foreach (var (name, labels) in Workloads(rendered).Where(w => Conventions.Services.Any(s => s.Name == w.Key)))
        {
            Assert.True(Allowed(rendered, "Egress", labels, postgres, 5432), $"{name} cannot reach PostgreSQL.");
            Assert.True(Allowed(rendered, "Ingress", postgres, labels, 5432), $"PostgreSQL does not admit {name}.");
            Assert.True(Allowed(rendered, "Egress", labels, rabbitmq, 5672), $"{name} cannot reach RabbitMQ.");
            Assert.True(Allowed(rendered, "Ingress", rabbitmq, labels, 5672), $"RabbitMQ does not admit {name}.");
        }
        var dns = rendered.OfKind("NetworkPolicy").Where(p => !p.At("spec.podSelector").Entries.Any())
            .SelectMany(p => p.At("spec.egress").Items)
            .Where(r => r["ports"].Items.Any(port => port["port"].Int == 53 && port["protocol"].Text == "UDP"));
        Assert.NotEmpty(dns);
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void rabbitmq_admits_event_consumer_namespaces_on_amqp_only(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        var rabbitmq = new Dictionary<string, string> { ["networkplatform.io/backing-service"] = "rabbitmq" };
        var fromConsumers = rendered.OfKind("NetworkPolicy")
            .Where(p => Selects(p.At("spec.podSelector"), rabbitmq) && p.At("spec.policyTypes").Texts.Contains("Ingress"))
            .SelectMany(p => p["spec"]["ingress"].Items)
            .Where(rule => rule["from"].Items.Any(peer =>
                peer["namespaceSelector"].Exists && peer["namespaceSelector"]["matchLabels"].Exists
                && peer["namespaceSelector"]["matchLabels"].Entries.GetValueOrDefault("networkplatform.io/event-consumer")?.Text == "true"))
            .ToList();

        var rule = Assert.Single(fromConsumers);
        Assert.Equal(["5672"], rule["ports"].Items.Select(p => p["port"].Text));
    }

    [Fact]
    public void prod_gives_the_dashboard_consumer_a_broker_user_that_may_only_read_events_into_its_own_queues()
    {
        var prod = Kustomize.Render("overlays/prod");
        Assert.Equal("dashboard-consumer-credentials", prod.Get("User", "dashboard-consumer").At("spec.importCredentialsSecret.name").Text);
        var permissions = prod.Get("Permission", "dashboard-consumer").At("spec.permissions");
        bool May(string what, string name) => System.Text.RegularExpressions.Regex.IsMatch(name, permissions[what].Text!);

        Assert.True(May("configure", "dashboard.health") && May("read", "dashboard.health") && May("write", "dashboard.health"));
        Assert.True(May("read", "NetworkPlatform.Events"), "It cannot bind to the consumers' exchange.");
        Assert.False(May("read", "NetworkPlatform.Events.Meetings:MinutesPublished"), "It may read every network's events.");
        Assert.False(May("write", "NetworkPlatform.Events"), "It may publish events.");
        Assert.False(May("read", "reporting.reporting-event-handler"), "It may read a service's queue.");
        Assert.False(May("configure", "membership.mine"), "It may declare queues in a service's names.");
        var networks = prod.Get("TopicPermission", "dashboard-consumer").At("spec.permissions");
        Assert.Equal("NetworkPlatform.Events", networks["exchange"].Text);
        Assert.Matches(networks["read"].Text!, "norsk-hph.#");
        Assert.DoesNotMatch(networks["read"].Text!, "#");
        Assert.DoesNotMatch(networks["write"].Text!, "norsk-hph.Membership.OrganisationRegistered");
    }

    [Fact]
    public void in_dev_the_services_and_the_gateway_reach_the_embedded_issuer_and_it_reaches_its_database_only()
    {
        var dev = Kustomize.Render("overlays/dev");
        var postgres = new Dictionary<string, string> { ["networkplatform.io/backing-service"] = "postgres" };
        var rabbitmq = new Dictionary<string, string> { ["networkplatform.io/backing-service"] = "rabbitmq" };

        foreach (var caller in Conventions.Services.Select(s => s.Name).Append("gateway"))
        {
            Assert.True(CanCall(dev, caller, "identity", Conventions.HttpPort), $"{caller} cannot reach the issuer.");
        }
        var identity = Workloads(dev)["identity"];
        Assert.True(Allowed(dev, "Egress", identity, postgres, 5432) && Allowed(dev, "Ingress", postgres, identity, 5432), "The issuer cannot reach PostgreSQL.");
        Assert.False(Allowed(dev, "Egress", identity, rabbitmq, 5672), "The issuer reaches RabbitMQ, which it does not use.");
        Assert.All(Conventions.Services, s => Assert.False(CanCall(dev, "identity", s.Name, Conventions.GrpcPort), $"The issuer can call {s.Name}."));
    }

    [Fact]
    public void the_backing_services_carry_the_labels_the_policies_select()
    {
        var dev = Kustomize.Render("overlays/dev");
        Assert.Equal("postgres", dev.Get("StatefulSet", "postgres").At("spec.template.metadata.labels").Entries["networkplatform.io/backing-service"].Text);
        Assert.Equal("rabbitmq", dev.Get("StatefulSet", "rabbitmq").At("spec.template.metadata.labels").Entries["networkplatform.io/backing-service"].Text);

        var prod = Kustomize.Render("overlays/prod");
        Assert.Equal("postgres", prod.Get("Cluster", "networkplatform-db").At("spec.inheritedMetadata.labels").Entries["networkplatform.io/backing-service"].Text);
        Assert.Equal("rabbitmq", prod.Get("RabbitmqCluster", "rabbitmq")
            .At("spec.override.statefulSet.spec.template.metadata.labels").Entries["networkplatform.io/backing-service"].Text);
    }
}
