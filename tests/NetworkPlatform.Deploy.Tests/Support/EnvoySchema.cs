using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Support;

/// <summary>
/// Schema/validate-envoy.py: parses an Envoy config into envoy.config.bootstrap.v3.Bootstrap with protobuf's JSON
/// parser (as Envoy does), against Envoy's v3 API protos from the npm package @grpc/grpc-js-xds, compiled by the
/// protoc of Grpc.Tools. Unknown fields, unknown "@type"s, bad enum values and deprecated fields are reported.
/// </summary>
public static class EnvoySchema
{
    public static ProcessResult Validate(string configPath)
    {
        var tools = ManifestSchema.InstalledDirectory;
        var grpcTools = GrpcToolsDirectory();
        var work = Path.Combine(tools, "work", "envoy-" + Guid.NewGuid().ToString("N")[..8]);
        return Processes.Run("/usr/bin/python3",
            [
                Path.Combine(tools, "validate-envoy.py"), configPath,
                Path.Combine(tools, "node_modules", "@grpc", "grpc-js-xds", "deps"),
                Path.Combine(grpcTools, "tools", "linux_x64", "protoc"),
                Path.Combine(grpcTools, "build", "native", "include"),
                work,
            ],
            TimeSpan.FromMinutes(2));
    }

    /// <summary>The newest Grpc.Tools in the NuGet cache (this project references it, so restore put it there).</summary>
    private static string GrpcToolsDirectory()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var versions = System.IO.Directory.GetDirectories(Path.Combine(packages, "grpc.tools"))
            .Where(d => Version.TryParse(Path.GetFileName(d), out _))
            .OrderBy(d => Version.Parse(Path.GetFileName(d)))
            .ToList();
        return versions.Count > 0 ? versions[^1] : throw new Xunit.Sdk.XunitException(
            $"Grpc.Tools is not in {packages}: restore the solution first (make test does).");
    }
}
