using NetworkPlatform.Testing;

namespace NetworkPlatform.Architecture.Tests;

/// <summary>The services' code reads without sideways scrolling: no line is longer than .editorconfig's max_line_length.</summary>
public class LineLengthTests
{
    private const int MaxLineLength = 140;

    [Fact]
    public void no_line_in_the_services_code_is_longer_than_140_characters()
    {
        var separator = Path.DirectorySeparatorChar;
        var tooLong = Directory.EnumerateFiles(RepositoryPaths.Combine("services"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, index) => (File: f, Number: index + 1, line.Length)))
            .Where(l => l.Length > MaxLineLength)
            .Select(l => $"{Path.GetRelativePath(RepositoryPaths.Root, l.File)}:{l.Number} ({l.Length})")
            .ToList();

        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines are longer than {MaxLineLength} characters; wrap them:\n"
            + string.Join('\n', tooLong));
    }
}
