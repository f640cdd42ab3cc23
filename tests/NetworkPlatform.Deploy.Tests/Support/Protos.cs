using System.Reflection;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Support;

/// <summary>A gRPC service declared in protos/networkplatform/&lt;area&gt;/v1.</summary>
public sealed record ProtoService(string Package, string Name, string File)
{
    public string FullName => $"{Package}.{Name}";
}

/// <summary>A method's google.api.http rule, and the area (networkplatform.&lt;area&gt;.v1: the service) that owns it.</summary>
public sealed partial record HttpBinding(string Method, string Area, string Verb, string Template)
{
    /// <summary>A request path the template matches: every {variable} filled with a sample value.</summary>
    public string SamplePath => VariablePattern().Replace(Template, "sample-1");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex VariablePattern();
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

    /// <summary>The HTTP rules of every public method, read from the descriptors compiled into the protos assembly.</summary>
    public static IReadOnlyList<HttpBinding> HttpBindings() => typeof(Membership.V1.Network).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(f => f.Package.StartsWith("networkplatform.", StringComparison.Ordinal))
        .SelectMany(f => f.Services).SelectMany(s => s.Methods)
        .Select(m => (Method: m, Rule: m.GetOptions()?.GetExtension(AnnotationsExtensions.Http)))
        .Where(m => m.Rule is not null)
        .Select(m => new HttpBinding(m.Method.FullName, m.Method.Service.File.Package.Split('.')[1], m.Rule!.PatternCase.ToString().ToUpperInvariant(),
            m.Rule.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => m.Rule.Get,
                HttpRule.PatternOneofCase.Post => m.Rule.Post,
                HttpRule.PatternOneofCase.Put => m.Rule.Put,
                HttpRule.PatternOneofCase.Patch => m.Rule.Patch,
                HttpRule.PatternOneofCase.Delete => m.Rule.Delete,
                _ => m.Rule.Custom.Path,
            }))
        .ToList();

    [GeneratedRegex(@"^\s*package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex PackagePattern();

    [GeneratedRegex(@"^\s*service\s+(\w+)\s*\{", RegexOptions.Multiline)]
    private static partial Regex ServicePattern();
}
