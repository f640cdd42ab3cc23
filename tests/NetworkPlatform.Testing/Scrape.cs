using System.Globalization;
using System.Text.RegularExpressions;

namespace NetworkPlatform.Testing;

/// <summary>One sample of a Prometheus text exposition: name, labels, value.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public override string ToString() => $"{Name}{{{string.Join(",", Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}} {Value}";
}

/// <summary>Reads a /metrics endpoint (Prometheus text format) into samples.</summary>
public static partial class Scrape
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<IReadOnlyList<Sample>> MetricsAsync(string url)
    {
        var text = await Http.GetStringAsync(url);
        return text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => SampleLine().Match(line))
            .Where(m => m.Success)
            .Select(m => new Sample(
                m.Groups["name"].Value,
                LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => Regex.Unescape(l.Groups[2].Value)),
                double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList();
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
