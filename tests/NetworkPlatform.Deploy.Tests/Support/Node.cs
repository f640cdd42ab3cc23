using YamlDotNet.RepresentationModel;

namespace NetworkPlatform.Deploy.Tests.Support;

/// <summary>
/// Read-only navigation over a parsed YAML document: missing keys give an empty node instead of throwing,
/// so a check can say precisely what is missing.
/// </summary>
public sealed class Node
{
    private static readonly Node Missing = new(null, "");
    private readonly YamlNode? _yaml;

    private Node(YamlNode? yaml, string path)
    {
        _yaml = yaml;
        Path = path;
    }

    public static Node Of(YamlNode yaml) => new(yaml, "");

    /// <summary>Where this node sits in its document, for messages ("spec.template.spec").</summary>
    public string Path { get; }

    public bool Exists => _yaml is not null;

    public string? Text => (_yaml as YamlScalarNode)?.Value;

    public int? Int => int.TryParse(Text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool IsTrue => Text == "true";

    /// <summary>This node as JSON (YAML 1.2 core-schema typing, keys in document order): compares documents by content.</summary>
    public string Json => _yaml is null ? "null" : YamlJson.ToJson(_yaml);

    public Node this[string key]
    {
        get
        {
            if (_yaml is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return new Node(child, Path.Length == 0 ? key : $"{Path}.{key}");
            }
            return Missing;
        }
    }

    /// <summary>Follows a dotted path ("spec.template.spec").</summary>
    public Node At(string dottedPath) => dottedPath.Split('.').Aggregate(this, (node, key) => node[key]);

    public IReadOnlyList<Node> Items => _yaml is YamlSequenceNode sequence
        ? sequence.Children.Select((child, i) => new Node(child, $"{Path}[{i}]")).ToList()
        : [];

    public IReadOnlyDictionary<string, Node> Entries => _yaml is YamlMappingNode map
        ? map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => new Node(e.Value, $"{Path}.{((YamlScalarNode)e.Key).Value}"))
        : new Dictionary<string, Node>();

    public IReadOnlyList<string> Texts => Items.Select(i => i.Text).OfType<string>().ToList();

    /// <summary>Every node below this one (depth first), this one included.</summary>
    public IEnumerable<Node> Descendants()
    {
        yield return this;
        var children = _yaml switch
        {
            YamlMappingNode => Entries.Values,
            YamlSequenceNode => Items,
            _ => [],
        };
        foreach (var descendant in children.SelectMany(c => c.Descendants()))
        {
            yield return descendant;
        }
    }

    public static IReadOnlyList<Node> LoadAll(string yamlText)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(yamlText);
        stream.Load(reader);
        return stream.Documents.Where(d => d.RootNode is YamlMappingNode).Select(d => Of(d.RootNode)).ToList();
    }

    public static Node Load(string yamlText) => LoadAll(yamlText).Single();

    public override string ToString() => _yaml?.ToString() ?? "(missing)";
}
