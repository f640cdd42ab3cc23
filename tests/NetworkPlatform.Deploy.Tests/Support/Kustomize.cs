using System.Collections.Concurrent;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Support;

/// <summary>One overlay rendered by `kubectl kustomize`, with lookups by kind and name.</summary>
public sealed class RenderedOverlay(string name, string yaml)
{
    public string Name { get; } = name;
    public string Yaml { get; } = yaml;
    public IReadOnlyList<Node> Objects { get; } = Node.LoadAll(yaml);

    public IEnumerable<Node> OfKind(string kind) => Objects.Where(o => o["kind"].Text == kind);

    public Node? Find(string kind, string name) => OfKind(kind).FirstOrDefault(o => o.At("metadata.name").Text == name);

    public Node Get(string kind, string name) =>
        Find(kind, name) ?? throw new Xunit.Sdk.XunitException($"{Name}: no {kind} named {name} in the rendered manifests.");

    public override string ToString() => Name;
}

public static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<RenderedOverlay>> Rendered = new();

    /// <summary>The kubectl binary. It ships with this machine image (kustomize v5); Debian's kubernetes-client
    /// (kubectl 1.20, kustomize v2) is too old for kustomize components, so it is not a fallback.</summary>
    public static string Kubectl => Processes.OnPath("kubectl") ?? throw new Xunit.Sdk.XunitException(
        "kubectl is not on PATH. The deploy checks render deploy/k8s with `kubectl kustomize` (kubectl >= 1.27, kustomize v5): " +
        "install kubectl from the Kubernetes apt repository (pkgs.k8s.io) or the Google Cloud SDK repository.");

    /// <summary>Renders deploy/k8s/&lt;overlay&gt; once per test run.</summary>
    public static RenderedOverlay Render(string overlay) => Rendered.GetOrAdd(overlay, o => new Lazy<RenderedOverlay>(() =>
    {
        var result = Processes.Run(Kubectl, ["kustomize", RepositoryPaths.Combine("deploy", "k8s", o)], TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"kubectl kustomize deploy/k8s/{o} failed:\n{result.Combined}");
        }
        return new RenderedOverlay(o, result.Output);
    })).Value;
}
