using System.Text.RegularExpressions;
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

    /// <summary>
    /// The route Envoy picks for a request: the first whose path match (prefix, path or safe_regex on the path without
    /// its query) and header matchers all hold. Only the matchers this config uses are understood; another fails the test.
    /// </summary>
    public static Node? RouteFor(string path, string contentType)
    {
        var pathOnly = path.Split('?')[0];
        return Routes.FirstOrDefault(route => PathMatches(route["match"], pathOnly)
            && route.At("match.headers").Items.All(header => HeaderMatches(header, new Dictionary<string, string> { ["content-type"] = contentType })));
    }

    private static bool PathMatches(Node match, string path) =>
        match["prefix"].Exists ? path.StartsWith(match["prefix"].Text!, StringComparison.Ordinal)
        : match["path"].Exists ? path == match["path"].Text
        : match["safe_regex"].Exists ? FullMatch(match.At("safe_regex.regex").Text!, path)
        : throw new Xunit.Sdk.XunitException($"{match.Path}: a path matcher these tests do not understand.");

    private static bool HeaderMatches(Node header, IReadOnlyDictionary<string, string> headers)
    {
        var match = header["string_match"];
        if (!headers.TryGetValue(header["name"].Text!, out var value))
        {
            return false;
        }
        return match["exact"].Exists ? value == match["exact"].Text
            : match["prefix"].Exists ? value.StartsWith(match["prefix"].Text!, StringComparison.Ordinal)
            : match["safe_regex"].Exists ? FullMatch(match.At("safe_regex.regex").Text!, value)
            : throw new Xunit.Sdk.XunitException($"{header.Path}: a header matcher these tests do not understand.");
    }

    // Envoy's safe_regex (RE2) must match the whole value; the patterns here mean the same in .NET.
    private static bool FullMatch(string pattern, string value) => Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1));
}
