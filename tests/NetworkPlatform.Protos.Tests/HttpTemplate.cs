using Google.Api;

namespace NetworkPlatform.Protos.Tests;

/// <summary>
/// A google.api.http path template taken apart: "/v1/networks/{network_id}/groups:propose" has the segments
/// v1, networks, {network_id}, groups and the custom verb "propose".
/// </summary>
public sealed record HttpTemplate(string Method, string Path, IReadOnlyList<string> Segments, string CustomVerb)
{
    public static HttpTemplate Of(HttpRule rule)
    {
        var (method, path) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
            HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
            HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
            HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
            HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind, rule.Custom.Path),
            _ => ("", ""),
        };
        var colon = path.LastIndexOf(':');
        var hasVerb = colon > path.LastIndexOf('/') && colon > path.LastIndexOf('}');
        var segments = (hasVerb ? path[..colon] : path).TrimStart('/').Split('/');
        return new HttpTemplate(method, path, segments, hasVerb ? path[(colon + 1)..] : "");
    }

    public static bool IsVariable(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    /// <summary>The field paths of the variables: {group.network_id} -> group.network_id.</summary>
    public IEnumerable<string> Variables => Segments.Where(IsVariable).Select(s => s[1..^1]);

    /// <summary>True when some request could match both templates (a variable segment matches any literal).</summary>
    public bool Overlaps(HttpTemplate other) =>
        Method == other.Method && CustomVerb == other.CustomVerb && Segments.Count == other.Segments.Count
        && Segments.Zip(other.Segments).All(p => p.First == p.Second || IsVariable(p.First) || IsVariable(p.Second));

    /// <summary>The collection right under a network (/v1/networks/{id}/groups/... -> groups), "" for the network itself.</summary>
    public string NetworkCollection => Segments.Count > 3 ? Segments[3] : "";

    public override string ToString() => $"{Method} {Path}";
}
