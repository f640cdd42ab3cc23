using System.Text.RegularExpressions;
using NetworkPlatform.Deploy.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Kubernetes;

public sealed partial class OverlayTests
{
    /// <summary>Secret keys read as environment variables (secretKeyRef) or mounted as files (secret volumes).</summary>
    private static IEnumerable<(string Secret, string Key)> SecretReferences(RenderedOverlay rendered) =>
        rendered.Objects.SelectMany(o => o.Descendants())
            .Where(n => n["secretKeyRef"].Exists)
            .Select(n => (n.At("secretKeyRef.name").Text!, n.At("secretKeyRef.key").Text!))
            .Concat(rendered.Objects.SelectMany(o => o.Descendants())
                .Where(n => n.At("secret.secretName").Exists)
                .SelectMany(n => n.At("secret.items").Items.Select(i => (n.At("secret.secretName").Text!, i["key"].Text!))))
            // Projected volumes (the issuer's client secrets) name the Secret by name.
            .Concat(rendered.Objects.SelectMany(o => o.Descendants())
                .Where(n => n.At("projected.sources").Exists)
                .SelectMany(n => n.At("projected.sources").Items.Where(source => source["secret"].Exists)
                    .SelectMany(source => source.At("secret.items").Items.Select(i => (source.At("secret.name").Text!, i["key"].Text!)))))
            .Distinct();

    [Fact]
    public void dev_runs_one_replica_of_everything_with_postgres_and_rabbitmq_in_the_cluster()
    {
        var dev = Kustomize.Render("overlays/dev");

        Assert.All(dev.OfKind("HorizontalPodAutoscaler"), hpa =>
        {
            Assert.Equal(1, hpa.At("spec.minReplicas").Int);
            Assert.Equal(1, hpa.At("spec.maxReplicas").Int);
        });
        Assert.Equal(["postgres", "rabbitmq"], dev.OfKind("StatefulSet").Select(s => s.At("metadata.name").Text ?? "").Order().ToArray());
        Assert.NotNull(dev.Find("Service", dev.Get("ConfigMap", "platform-config").At("data.DATABASE_HOST").Text!));
        Assert.NotNull(dev.Find("Service", dev.Get("ConfigMap", "platform-config").At("data.Bus__RabbitMq__Host").Text!));
    }

    [Fact]
    public void dev_creates_every_database_of_the_services_and_the_issuer()
    {
        var script = File.ReadAllText(RepositoryPaths.Combine("deploy", "k8s", "overlays", "dev", "create-databases.sh"));
        var loop = ForLoopPattern().Match(script);
        Assert.True(loop.Success, "create-databases.sh no longer loops over the services.");
        Assert.Equal(Conventions.Services.Select(s => s.Name).Append("identity"), loop.Groups[1].Value.Split(' '));
    }

    [Fact]
    public void dev_secret_script_creates_every_secret_key_the_dev_manifests_reference()
    {
        var script = File.ReadAllText(RepositoryPaths.Combine("deploy", "k8s", "overlays", "dev", "create-dev-secrets.sh"));
        var created = EnsurePattern().Matches(script).Select(m => (Secret: m.Groups[1].Value.Trim('"'), Keys: m.Groups[2].Value))
            .SelectMany(m => (m.Secret.Contains("$service", StringComparison.Ordinal)
                    ? Conventions.Services.Select(s => m.Secret.Replace("$service", s.Name, StringComparison.Ordinal))
                    : [m.Secret])
                .SelectMany(secret => KeyPattern().Matches(m.Keys).Select(k => (secret, k.Groups[1].Value))))
            .ToHashSet();

        var missing = SecretReferences(Kustomize.Render("overlays/dev")).Where(r => !created.Contains(r)).ToList();
        Assert.True(missing.Count == 0, $"create-dev-secrets.sh does not create: {string.Join(", ", missing)}");
    }

    [Fact]
    public void prod_runs_at_least_two_replicas_of_everything_on_different_nodes()
    {
        var prod = Kustomize.Render("overlays/prod");

        Assert.All(prod.OfKind("ScaledObject"), scaler => Assert.True(scaler.At("spec.minReplicaCount").Int >= 2));
        Assert.All(prod.OfKind("Deployment"), deployment =>
        {
            var name = deployment.At("metadata.name").Text;
            var term = deployment.At("spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution").Items.Single()["podAffinityTerm"];
            Assert.Equal("kubernetes.io/hostname", term["topologyKey"].Text);
            Assert.Equal(name, term.At("labelSelector.matchLabels").Entries["app.kubernetes.io/name"].Text);
        });
        Assert.Equal("LoadBalancer", prod.Get("Service", "gateway").At("spec.type").Text);
    }

    [Fact]
    public void prod_runs_rabbitmq_through_its_operator_under_the_names_the_services_use()
    {
        var prod = Kustomize.Render("overlays/prod");
        var config = prod.Get("ConfigMap", "platform-config")["data"];
        // The operator names its client Service after the cluster and its credentials "<cluster>-default-user".
        var cluster = prod.Get("RabbitmqCluster", config["Bus__RabbitMq__Host"].Text!);
        Assert.True(cluster.At("spec.replicas").Int >= 3);
        Assert.All(SecretReferences(prod).Where(r => r.Key is "username" or "password" && r.Secret.StartsWith("rabbitmq", StringComparison.Ordinal)),
            r => Assert.Equal($"{cluster.At("metadata.name").Text}-default-user", r.Secret));
    }

    [Fact]
    public void prod_gives_each_service_its_own_postgres_role_and_database_through_cloudnativepg()
    {
        var prod = Kustomize.Render("overlays/prod");
        var cluster = prod.OfKind("Cluster").Single();
        var clusterName = cluster.At("metadata.name").Text;
        Assert.Equal($"{clusterName}-rw", prod.Get("ConfigMap", "platform-config").At("data.DATABASE_HOST").Text);

        var roles = cluster.At("spec.managed.roles").Items.ToDictionary(r => r["name"].Text!);
        foreach (var service in Conventions.Services.Select(s => s.Name))
        {
            var database = prod.Get("Database", service)["spec"];
            Assert.Equal(service, database["name"].Text);
            Assert.Equal(service, database["owner"].Text);
            Assert.Equal(clusterName, database.At("cluster.name").Text);
            Assert.True(roles[service]["login"].IsTrue);
            // The role's password is the one the service's Deployment reads.
            var secret = prod.Get("Deployment", service).At("spec.template.spec.containers").Items[0]["env"].Items
                .Single(e => e["name"].Text == "DATABASE_PASSWORD").At("valueFrom.secretKeyRef.name").Text;
            Assert.Equal(secret, roles[service].At("passwordSecret.name").Text);
        }
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void no_overlay_embeds_a_secret(string overlay)
    {
        var rendered = Kustomize.Render(overlay);

        Assert.Empty(rendered.OfKind("Secret"));
        // A ...File setting (Auth__ClientSecretFile) names where a mounted Secret is, not the secret.
        var literalSecrets = rendered.Objects.SelectMany(o => o.Descendants())
            .Where(n => n["name"].Text is { } name && SecretNamePattern().IsMatch(name) && !name.EndsWith("File", StringComparison.Ordinal) && n["value"].Exists)
            .Select(n => n.Path);
        Assert.Empty(literalSecrets);
        // Connection strings name their password by reference ($(VAR) from a secretKeyRef), never literally.
        var literalPasswords = rendered.Objects.SelectMany(o => o.Descendants())
            .Where(n => n["value"].Text is { } value && PasswordInValuePattern().IsMatch(value))
            .Select(n => n.Path);
        Assert.Empty(literalPasswords);
        var configKeys = rendered.OfKind("ConfigMap").SelectMany(c => c["data"].Entries.Keys).Where(k => SecretNamePattern().IsMatch(k));
        Assert.Empty(configKeys);
        Assert.DoesNotContain("secretGenerator", string.Concat(Directory
            .EnumerateFiles(RepositoryPaths.Combine("deploy", "k8s"), "kustomization.yaml", SearchOption.AllDirectories)
            .Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void every_pod_defined_here_meets_the_restricted_pod_security_profile(string overlay)
    {
        var workloads = Kustomize.Render(overlay).Objects.Where(o => o["kind"].Text is "Deployment" or "StatefulSet").ToList();

        Assert.NotEmpty(workloads);
        foreach (var workload in workloads)
        {
            var name = $"{overlay}: {workload["kind"].Text}/{workload.At("metadata.name").Text}";
            var pod = workload.At("spec.template.spec");
            Assert.True(pod.At("securityContext.runAsNonRoot").IsTrue, $"{name}: runAsNonRoot");
            Assert.Equal("RuntimeDefault", pod.At("securityContext.seccompProfile.type").Text);
            Assert.Equal("false", pod["automountServiceAccountToken"].Text);
            foreach (var container in pod["containers"].Items.Concat(pod["initContainers"].Items))
            {
                Assert.Equal("false", container.At("securityContext.allowPrivilegeEscalation").Text);
                Assert.Equal(["ALL"], container.At("securityContext.capabilities.drop").Texts);
                Assert.False(container.At("securityContext.privileged").IsTrue, $"{name}: privileged");
            }
        }
    }

    [GeneratedRegex(@"for service in ([a-z ]+); do")]
    private static partial Regex ForLoopPattern();

    [GeneratedRegex(@"^\s*ensure\s+(""?[\w$-]+""?)\s+(.*)$", RegexOptions.Multiline)]
    private static partial Regex EnsurePattern();

    [GeneratedRegex(@"([\w.-]+)=")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"(?i)(password|pwd)=(?!\$\()")]
    private static partial Regex PasswordInValuePattern();

    [GeneratedRegex("(?i)(password|secret|token|apikey)")]
    private static partial Regex SecretNamePattern();
}
