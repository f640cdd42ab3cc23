using System.Text.RegularExpressions;
using System.Xml.Linq;
using NetworkPlatform.Deploy.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Images;

public sealed partial class DockerfileTests
{
    [Theory]
    [MemberData(nameof(Conventions.ServiceNames), MemberType = typeof(Conventions))]
    public void each_service_image_publishes_its_project_on_the_sdk_and_runs_it_on_a_chiseled_runtime(string service)
    {
        var expected = Conventions.Service(service);
        var image = Dockerfile.Load(expected.Dockerfile);

        Assert.Equal(2, image.Stages.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0 ", image.Stages[0] + " ", StringComparison.Ordinal);
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0-[a-z]+-chiseled", image.Stages[1]);
        Assert.Contains(image.All("RUN"), i => i.Arguments.Contains($"dotnet publish {expected.ProjectPath} -c Release", StringComparison.Ordinal));
        Assert.Equal($"[\"dotnet\", \"{expected.AssemblyName}.dll\"]", image.Final.Single(i => i.Keyword == "ENTRYPOINT").Arguments);
    }

    [Theory]
    [MemberData(nameof(Conventions.ServiceNames), MemberType = typeof(Conventions))]
    public void each_service_image_runs_as_a_non_root_user(string service)
    {
        var user = Dockerfile.Load(Conventions.Service(service).Dockerfile).Final.Last(i => i.Keyword == "USER").Arguments;

        Assert.True(user == "$APP_UID" || (int.TryParse(user, System.Globalization.CultureInfo.InvariantCulture, out var uid) && uid > 0),
            $"USER {user} is not a non-root numeric user.");
        // The pods pin the same uid, so runAsNonRoot can be checked by the kubelet.
        var pod = Kustomize.Render("base").Get("Deployment", service).At("spec.template.spec.securityContext");
        Assert.Equal(1654, pod["runAsUser"].Int); // APP_UID of the .NET images
    }

    [Theory]
    [MemberData(nameof(Conventions.ServiceNames), MemberType = typeof(Conventions))]
    public void each_service_image_exposes_and_configures_the_ports_its_pods_declare(string service)
    {
        var expected = Conventions.Service(service);
        var image = Dockerfile.Load(expected.Dockerfile);
        var containerPorts = Kustomize.Render("base").Get("Deployment", service).At("spec.template.spec.containers").Items[0]["ports"].Items
            .Select(p => p["containerPort"].Int!.Value).ToArray();

        Assert.Equal(expected.ContainerPorts, image.ExposedPorts);
        Assert.Equal(expected.ContainerPorts, containerPorts);
        Assert.Equal(Conventions.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture), image.FinalEnvironment["GRPC_PORT"]);
        Assert.Equal(Conventions.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), image.FinalEnvironment["HTTP_PORT"]);
    }

    [Fact]
    public void the_four_service_dockerfiles_differ_only_in_their_service_and_ports()
    {
        string Normalised(PlatformService service) => string.Join('\n', Dockerfile.Load(service.Dockerfile).Instructions
            .Where(i => i.Keyword is not ("ENV" or "EXPOSE"))
            .Select(i => $"{i.Keyword} {i.Arguments}".Replace(service.Project, "{Project}", StringComparison.Ordinal)
                .Replace(service.Name, "{name}", StringComparison.Ordinal)));

        var first = Normalised(Conventions.Services[0]);
        Assert.All(Conventions.Services.Skip(1), s => Assert.Equal(first, Normalised(s)));
    }

    [Theory]
    [MemberData(nameof(Conventions.ServiceNames), MemberType = typeof(Conventions))]
    public void a_landed_service_project_builds_the_assembly_the_image_starts(string service)
    {
        var expected = Conventions.Service(service);
        var project = RepositoryPaths.Combine(expected.ProjectPath);
        if (!File.Exists(project))
        {
            return; // Not landed yet: the Dockerfile's path is the convention the service will follow.
        }
        var document = XDocument.Load(project);
        var assemblyName = document.Descendants("AssemblyName").Select(e => e.Value).LastOrDefault() ?? expected.AssemblyName;
        Assert.Equal(expected.AssemblyName, assemblyName);
        var executable = document.Root!.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web"
            || document.Descendants("OutputType").Any(e => e.Value == "Exe");
        Assert.True(executable, $"{expected.ProjectPath} is not an executable (Microsoft.NET.Sdk.Web or OutputType Exe): the image runs it.");
    }

    [Fact]
    public void the_build_context_leaves_out_build_output_local_data_and_git()
    {
        var ignored = File.ReadAllLines(RepositoryPaths.Combine(".dockerignore")).Select(l => l.Trim()).ToHashSet();

        foreach (var entry in new[] { ".git", "artifacts", ".data", "**/bin", "**/obj", "**/node_modules" })
        {
            Assert.Contains(entry, ignored);
        }
        // What the publish needs must stay in the context.
        foreach (var needed in new[] { "protos", "services", "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.DoesNotContain(ignored, e => e.TrimEnd('/') == needed);
        }
    }

    [Fact]
    public void the_gateway_image_is_stock_envoy_running_as_non_root_on_the_listener_port()
    {
        var image = Dockerfile.Load("deploy/docker/gateway.Dockerfile");

        // The services transcode JSON themselves: nothing (a descriptor set) is built into the gateway.
        Assert.Matches(EnvoyImagePattern(), Assert.Single(image.Stages));
        Assert.DoesNotContain(image.Instructions, i => i.Keyword is "COPY" or "ADD" or "RUN");
        var user = image.Final.Last(i => i.Keyword == "USER").Arguments;
        Assert.Equal(Kustomize.Render("base").Get("Deployment", "gateway").At("spec.template.spec.securityContext.runAsUser").Text, user);
        Assert.Equal([8080], image.ExposedPorts);
    }

    [Fact]
    public void the_issuer_image_publishes_its_project_and_exposes_the_port_its_dev_pod_declares()
    {
        var image = Dockerfile.Load("deploy/docker/identity.Dockerfile");
        var pod = Kustomize.Render("overlays/dev").Get("Deployment", "identity").At("spec.template.spec");

        Assert.Contains(image.All("RUN"), i => i.Arguments.Contains("dotnet publish services/Identity/NetworkPlatform.Identity.csproj -c Release", StringComparison.Ordinal));
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0-[a-z]+-chiseled", image.Stages[1]);
        Assert.Equal("[\"dotnet\", \"NetworkPlatform.Identity.dll\"]", image.Final.Single(i => i.Keyword == "ENTRYPOINT").Arguments);
        Assert.Equal("$APP_UID", image.Final.Last(i => i.Keyword == "USER").Arguments);
        Assert.Equal(1654, pod.At("securityContext.runAsUser").Int);
        var port = pod["containers"].Items.Single()["ports"].Items.Single()["containerPort"].Int!.Value;
        Assert.Equal([port], image.ExposedPorts);
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), image.FinalEnvironment["HTTP_PORT"]);
    }

    [GeneratedRegex(@"^envoyproxy/envoy:distroless-v1\.\d+\.\d+ ")]
    private static partial Regex EnvoyImagePattern();
}
