using System.Reflection;
using Google.Api;
using Google.Protobuf.Reflection;

namespace NetworkPlatform.Protos.Tests;

/// <summary>The methods of the public networkplatform.* packages, read from the descriptors compiled into the protos assembly.</summary>
public static class PublicApi
{
    public static IReadOnlyList<FileDescriptor> Files { get; } = typeof(Membership.V1.Network).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(f => f.Package.StartsWith("networkplatform.", StringComparison.Ordinal))
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<MethodDescriptor> Methods { get; } = Files.SelectMany(f => f.Services).SelectMany(s => s.Methods).ToList();

    public static HttpRule? Rule(MethodDescriptor method) => method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);

    /// <summary>The area a method belongs to: networkplatform.groups.v1 -> groups (one deployable service per area).</summary>
    public static string Area(MethodDescriptor method) => method.Service.File.Package.Split('.')[1];
}
