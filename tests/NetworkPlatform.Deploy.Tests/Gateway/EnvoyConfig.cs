using NetworkPlatform.Deploy.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Gateway;

/// <summary>deploy/k8s/base/gateway/envoy.yaml, with lookups into its one listener.</summary>
public static class EnvoyConfig
{
    public const string RelativePath = "deploy/k8s/base/gateway/envoy.yaml";

    public static Node Root => Node.Load(File.ReadAllText(RepositoryPaths.Combine(RelativePath)));

    public static Node ConnectionManager => Root.At("static_resources.listeners").Items.Single()["filter_chains"].Items.Single()["filters"].Items
        .Single(f => f["name"].Text == "envoy.filters.network.http_connection_manager")["typed_config"];

    public static IReadOnlyList<Node> HttpFilters => ConnectionManager["http_filters"].Items;

    public static Node Filter(string name) => HttpFilters.SingleOrDefault(f => f["name"].Text == name)?["typed_config"]
        ?? throw new Xunit.Sdk.XunitException($"{RelativePath} has no {name} HTTP filter.");

    public static IReadOnlyList<Node> Routes => ConnectionManager.At("route_config.virtual_hosts").Items.Single()["routes"].Items;

    public static IReadOnlyList<Node> Clusters => Root.At("static_resources.clusters").Items;

    public static Node Cluster(string name) => Clusters.SingleOrDefault(c => c["name"].Text == name)
        ?? throw new Xunit.Sdk.XunitException($"{RelativePath} has no cluster {name}.");

    public static IReadOnlyList<string> TranscodedServices => Filter("envoy.filters.http.grpc_json_transcoder")["services"].Texts;
}
