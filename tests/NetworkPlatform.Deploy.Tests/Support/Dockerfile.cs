using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Support;

public sealed record Instruction(string Keyword, string Arguments, string Stage);

/// <summary>A Dockerfile as its instructions (continuations joined, comments dropped), each tagged with its stage.</summary>
public sealed class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<Instruction> instructions)
    {
        Path = path;
        Instructions = instructions;
    }

    public string Path { get; }
    public IReadOnlyList<Instruction> Instructions { get; }

    public IEnumerable<Instruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public IReadOnlyList<string> Stages => All("FROM").Select(i => i.Arguments).ToList();

    /// <summary>The instructions of the last stage: what the image is.</summary>
    public IEnumerable<Instruction> Final => Instructions.Where(i => i.Stage == Instructions[^1].Stage);

    /// <summary>ENV of the final stage as name/value pairs ("ENV A=1 \ B=2").</summary>
    public IReadOnlyDictionary<string, string> FinalEnvironment => Final.Where(i => i.Keyword == "ENV")
        .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    public IReadOnlyList<int> ExposedPorts => Final.Where(i => i.Keyword == "EXPOSE")
        .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
        .ToList();

    public static Dockerfile Load(string relativePath)
    {
        var lines = File.ReadAllLines(RepositoryPaths.Combine(relativePath));
        var instructions = new List<Instruction>();
        var current = "";
        var stage = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }
            if (line.EndsWith('\\'))
            {
                current += line[..^1].Trim() + " ";
                continue;
            }
            current += line;
            var parts = current.Split(' ', 2);
            var keyword = parts[0].ToUpperInvariant();
            var arguments = parts.Length > 1 ? parts[1].Trim() : "";
            if (keyword == "FROM")
            {
                stage = arguments;
            }
            instructions.Add(new Instruction(keyword, arguments, stage));
            current = "";
        }
        return new Dockerfile(relativePath, instructions);
    }

    public override string ToString() => Path;
}
