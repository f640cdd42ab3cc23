using NetworkPlatform.Deploy.Tests.Support;

namespace NetworkPlatform.Deploy.Tests.Kubernetes;

public sealed class RenderingTests
{
    [Fact]
    public void kubectl_on_this_machine_carries_kustomize_v5()
    {
        var result = Processes.Run(Kustomize.Kubectl, ["version", "--client"], TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.Matches(@"Kustomize Version: v5\.", result.Output);
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void every_overlay_renders_into_the_platform_namespace(string overlay)
    {
        var rendered = Kustomize.Render(overlay);

        Assert.NotEmpty(rendered.Objects);
        var outside = rendered.Objects
            .Where(o => o["kind"].Text != "Namespace" && o.At("metadata.namespace").Text != Conventions.Namespace)
            .Select(o => $"{o["kind"].Text}/{o.At("metadata.name").Text}");
        Assert.Empty(outside);
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void every_rendered_object_matches_the_kubernetes_schemas(string overlay)
    {
        var result = ManifestSchema.Validate(Kustomize.Render(overlay));

        Assert.True(result.ExitCode == 0, $"deploy/k8s/{overlay} does not match the schemas:\n{result.Combined}");
    }

    [Fact]
    public void the_schema_check_rejects_unknown_fields_and_wrong_types()
    {
        var broken = new RenderedOverlay("broken-example", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: example}
            spec:
              replicas: "two"
              selector: {matchLabels: {app: example}}
              template:
                metadata: {labels: {app: example}}
                spec:
                  containers:
                    - name: example
                      image: example
                      readinesProbe: {grpc: {port: 8080}}
            """);

        var result = ManifestSchema.Validate(broken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("readinesProbe", result.Output);
        Assert.Contains("replicas", result.Output);
    }

    [Fact]
    public void the_schema_check_rejects_unknown_fields_in_the_operators_resources()
    {
        var broken = new RenderedOverlay("broken-operators", """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: example}
            spec:
              scaleTargetRef: {name: example}
              minReplicas: 2
              triggers: [{type: cpu, metadata: {value: "70"}}]
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: example}
            spec:
              groups: [{name: example, rules: [{alert: Example, expression: up == 0}]}]
            """);

        var result = ManifestSchema.Validate(broken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("minReplicas", result.Output);
        Assert.Contains("expression", result.Output);
    }
}
