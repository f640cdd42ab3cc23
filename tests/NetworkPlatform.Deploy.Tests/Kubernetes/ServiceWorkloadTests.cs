using NetworkPlatform.Deploy.Tests.Support;

namespace NetworkPlatform.Deploy.Tests.Kubernetes;

/// <summary>What every service gets in every overlay: workload, Services, autoscaling, disruption budget, identity.</summary>
public sealed class ServiceWorkloadTests
{
    private static Node Container(RenderedOverlay rendered, string service)
    {
        var containers = rendered.Get("Deployment", service).At("spec.template.spec.containers").Items;
        Assert.Single(containers);
        return containers[0];
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlaysAndServices), MemberType = typeof(Conventions))]
    public void each_service_runs_its_image_with_native_grpc_probes_on_the_grpc_port(string overlay, string service)
    {
        var container = Container(Kustomize.Render(overlay), service);

        Assert.Equal(Conventions.Service(service).Image, container["image"].Text?.Split(':')[0]);
        var grpcPort = container["ports"].Items.Single(p => p["name"].Text == "grpc");
        Assert.Equal(Conventions.GrpcPort, grpcPort["containerPort"].Int);
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            Assert.True(container[probe]["grpc"].Exists, $"{overlay}: {service} has no gRPC {probe}.");
            Assert.Equal(Conventions.GrpcPort, container[probe].At("grpc.port").Int);
        }
        // Readiness follows the database and the bus consumers under the service's own names; liveness must not, or an
        // outage of either would restart every pod.
        Assert.StartsWith(Conventions.Service(service).ProtoPackage + ".", container.At("readinessProbe.grpc.service").Text ?? "",
            StringComparison.Ordinal);
        Assert.False(container.At("livenessProbe.grpc.service").Exists, $"{overlay}: {service}'s liveness probe names a service.");
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlaysAndServices), MemberType = typeof(Conventions))]
    public void each_service_runs_as_non_root_on_a_read_only_root_filesystem_without_capabilities(string overlay, string service)
    {
        var rendered = Kustomize.Render(overlay);
        var pod = rendered.Get("Deployment", service).At("spec.template.spec");
        var container = Container(rendered, service);

        Assert.True(pod.At("securityContext.runAsNonRoot").IsTrue, $"{service}: pod runAsNonRoot");
        Assert.Equal("RuntimeDefault", pod.At("securityContext.seccompProfile.type").Text);
        Assert.Equal("false", pod["automountServiceAccountToken"].Text);
        var security = container["securityContext"];
        Assert.True(security["readOnlyRootFilesystem"].IsTrue, $"{service}: readOnlyRootFilesystem");
        Assert.Equal("false", security["allowPrivilegeEscalation"].Text);
        Assert.Equal(["ALL"], security.At("capabilities.drop").Texts);
        Assert.Equal("RuntimeDefault", security.At("seccompProfile.type").Text);
        // A read-only root needs a writable /tmp.
        var tmp = container["volumeMounts"].Items.Single(m => m["mountPath"].Text == "/tmp");
        var volume = pod["volumes"].Items.Single(v => v["name"].Text == tmp["name"].Text);
        Assert.True(volume["emptyDir"].Exists, $"{service}: /tmp is not an emptyDir.");
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlaysAndServices), MemberType = typeof(Conventions))]
    public void each_service_has_resource_requests_limits_and_spreads_over_zones_and_nodes(string overlay, string service)
    {
        var rendered = Kustomize.Render(overlay);
        var container = Container(rendered, service);
        foreach (var bound in new[] { "requests", "limits" })
        {
            Assert.True(container.At($"resources.{bound}.cpu").Exists, $"{service}: no cpu {bound}");
            Assert.True(container.At($"resources.{bound}.memory").Exists, $"{service}: no memory {bound}");
        }
        var spread = rendered.Get("Deployment", service).At("spec.template.spec.topologySpreadConstraints").Items;
        Assert.Equal(["kubernetes.io/hostname", "topology.kubernetes.io/zone"], spread.Select(s => s["topologyKey"].Text ?? "").Order().ToArray());
        Assert.All(spread, s => Assert.Equal(service, s.At("labelSelector.matchLabels").Entries["app.kubernetes.io/name"].Text));
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlaysAndServices), MemberType = typeof(Conventions))]
    public void each_service_has_a_service_and_a_headless_service_on_its_ports(string overlay, string service)
    {
        var rendered = Kustomize.Render(overlay);
        var expected = Conventions.Service(service).ContainerPorts;
        var podLabels = rendered.Get("Deployment", service).At("spec.template.metadata.labels").Entries;

        foreach (var name in new[] { service, Conventions.Service(service).Headless })
        {
            var spec = rendered.Get("Service", name)["spec"];
            Assert.Equal(expected, spec["ports"].Items.Select(p => p["port"].Int!.Value).ToArray());
            Assert.All(spec["selector"].Entries, s => Assert.Equal(podLabels[s.Key].Text, s.Value.Text));
        }
        Assert.Equal("None", rendered.Get("Service", $"{service}-headless").At("spec.clusterIP").Text);
    }

    /// <summary>Base and dev; prod scales through KEDA instead (Monitoring/ScalingTests).</summary>
    public static IEnumerable<object[]> OverlaysWithAutoscalersAndServices() =>
        Conventions.OverlaysAndServices().Where(o => (string)o[0] != "overlays/prod");

    [Theory]
    [MemberData(nameof(OverlaysWithAutoscalersAndServices))]
    public void each_service_scales_with_its_own_autoscaler_on_cpu_and_memory(string overlay, string service)
    {
        var rendered = Kustomize.Render(overlay);
        var spec = rendered.Get("HorizontalPodAutoscaler", service)["spec"];

        Assert.Equal("Deployment", spec.At("scaleTargetRef.kind").Text);
        Assert.Equal(service, spec.At("scaleTargetRef.name").Text);
        Assert.InRange(spec["minReplicas"].Int!.Value, 1, spec["maxReplicas"].Int!.Value);
        Assert.Equal(["cpu", "memory"], spec["metrics"].Items.Select(m => m.At("resource.name").Text ?? "").Order().ToArray());
        // The autoscaler owns the replica count: a fixed count in the Deployment would fight it on every apply.
        Assert.False(rendered.Get("Deployment", service).At("spec.replicas").Exists, $"{service}: Deployment sets replicas.");
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlaysAndServices), MemberType = typeof(Conventions))]
    public void each_service_has_a_disruption_budget_and_a_service_account_without_a_token(string overlay, string service)
    {
        var rendered = Kustomize.Render(overlay);
        var podLabels = rendered.Get("Deployment", service).At("spec.template.metadata.labels").Entries;

        var budget = rendered.Get("PodDisruptionBudget", service)["spec"];
        Assert.True(budget["maxUnavailable"].Exists || budget["minAvailable"].Exists);
        Assert.All(budget.At("selector.matchLabels").Entries, s => Assert.Equal(podLabels[s.Key].Text, s.Value.Text));

        Assert.Equal(service, rendered.Get("Deployment", service).At("spec.template.spec.serviceAccountName").Text);
        Assert.Equal("false", rendered.Get("ServiceAccount", service)["automountServiceAccountToken"].Text);
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlaysAndServices), MemberType = typeof(Conventions))]
    public void each_service_reads_the_platform_config_and_its_credentials_from_secrets(string overlay, string service)
    {
        var rendered = Kustomize.Render(overlay);
        var container = Container(rendered, service);
        var configMaps = container["envFrom"].Items.Select(e => e.At("configMapRef.name").Text).ToList();
        Assert.Contains("platform-config", configMaps);
        Assert.NotNull(rendered.Find("ConfigMap", "platform-config"));

        var env = container["env"].Items.ToDictionary(e => e["name"].Text!);
        Assert.Equal("rabbitmq-default-user", env["Bus__RabbitMq__Password"].At("valueFrom.secretKeyRef.name").Text);
        Assert.Equal($"{service}-database", env["DATABASE_PASSWORD"].At("valueFrom.secretKeyRef.name").Text);
        Assert.Equal(
            $"Host=$(DATABASE_HOST);Port=5432;Database={service};Username={service};Password=$(DATABASE_PASSWORD)",
            env["Storage__ConnectionString"]["value"].Text);
        Assert.Equal(service, env["OTEL_SERVICE_NAME"]["value"].Text);
        Assert.Equal(Conventions.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), env["HTTP_PORT"]["value"].Text);
        Assert.Equal(Conventions.HttpPort, container["ports"].Items.Single(p => p["name"].Text == "http")["containerPort"].Int);
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlaysAndServices), MemberType = typeof(Conventions))]
    public void each_service_is_its_own_client_at_the_issuer_with_only_its_own_secret_mounted(string overlay, string service)
    {
        var rendered = Kustomize.Render(overlay);
        var pod = rendered.Get("Deployment", service).At("spec.template.spec");
        var container = Container(rendered, service);
        var env = container["env"].Items.ToDictionary(e => e["name"].Text!);

        Assert.Equal($"service-{service}", env["Auth__ClientId"]["value"].Text);
        var path = env["Auth__ClientSecretFile"]["value"].Text!;
        var mount = container["volumeMounts"].Items.Single(m => path.StartsWith(m["mountPath"].Text + "/", StringComparison.Ordinal));
        Assert.True(mount["readOnly"].IsTrue, $"{service}: the client secret is mounted writable.");
        var secret = pod["volumes"].Items.Single(v => v["name"].Text == mount["name"].Text)["secret"];
        Assert.Equal($"{service}-client", secret["secretName"].Text);
        Assert.Equal("client-secret", secret["items"].Items.Single(i => i["path"].Text == path[(mount["mountPath"].Text!.Length + 1)..])["key"].Text);
        var otherClients = pod["volumes"].Items.Select(v => v.At("secret.secretName").Text)
            .Where(name => name is not null && name.EndsWith("-client", StringComparison.Ordinal) && name != $"{service}-client" && name != "dashboard-client");
        Assert.Empty(otherClients);
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void the_platform_config_follows_the_configuration_conventions(string overlay)
    {
        var data = Kustomize.Render(overlay).Get("ConfigMap", "platform-config")["data"].Entries;

        Assert.Equal("8080", data["GRPC_PORT"].Text);
        Assert.Equal("postgres", data["Storage__Provider"].Text);
        Assert.Equal("rabbitmq", data["Bus__Transport"].Text);
        foreach (var peer in new[] { "Membership", "Groups", "Meetings" })
        {
            Assert.Equal($"dns:///{peer.ToLowerInvariant()}-headless.{Conventions.Namespace}.svc.cluster.local:{Conventions.GrpcPort}",
                data[$"Services__{peer}"].Text);
        }
        Assert.True(Uri.TryCreate(data["Auth__Authority"].Text, UriKind.Absolute, out _), "platform-config's Auth__Authority is not the issuer's URL.");
        foreach (var key in new[] { "Auth__Authority", "Auth__Audience", "Bus__RabbitMq__Host", "DATABASE_HOST", "OTEL_EXPORTER_OTLP_ENDPOINT" })
        {
            Assert.False(string.IsNullOrWhiteSpace(data[key].Text), $"platform-config has no {key}.");
        }
    }
}
