using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Support;

/// <summary>A gRPC service declared in protos/networkplatform/&lt;area&gt;/v1.</summary>
public sealed record ProtoService(string Package, string Name, string File)
{
    public string FullName => $"{Package}.{Name}";
}

public static partial class Protos
{
    /// <summary>Every service of every networkplatform package present in protos/ (they land as the services do).</summary>
    public static IReadOnlyList<ProtoService> Services()
    {
        var root = RepositoryPaths.Combine("protos", "networkplatform");
        if (!Directory.Exists(root))
        {
            return [];
        }
        return Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(file =>
            {
                var text = File.ReadAllText(file);
                var package = PackagePattern().Match(text).Groups[1].Value;
                return ServicePattern().Matches(text).Select(m => new ProtoService(package, m.Groups[1].Value, Path.GetRelativePath(RepositoryPaths.Root, file)));
            })
            .ToList();
    }

    public static IReadOnlySet<string> Packages() => Services().Select(s => s.Package).ToHashSet();

    private static readonly Lazy<FileDescriptorSet> DescriptorSetOnce = new(WriteDescriptorSet);

    /// <summary>The descriptor set `make proto` writes, produced by the same script into artifacts/.</summary>
    public static FileDescriptorSet DescriptorSet => DescriptorSetOnce.Value;

    private static FileDescriptorSet WriteDescriptorSet()
    {
        var output = RepositoryPaths.Combine("artifacts", "deploy-tests", "networkplatform.pb");
        var result = Processes.Run("bash", [RepositoryPaths.Combine("tests", "tools", "write-descriptor-set.sh"), output], TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"tests/tools/write-descriptor-set.sh failed:\n{result.Combined}");
        }
        return FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(output));
    }

    [GeneratedRegex(@"^\s*package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex PackagePattern();

    [GeneratedRegex(@"^\s*service\s+(\w+)\s*\{", RegexOptions.Multiline)]
    private static partial Regex ServicePattern();
}
