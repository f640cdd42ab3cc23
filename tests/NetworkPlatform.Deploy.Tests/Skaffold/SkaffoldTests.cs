using NetworkPlatform.Deploy.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Skaffold;

public sealed class SkaffoldTests
{
    private static Node Config => Node.Load(File.ReadAllText(RepositoryPaths.Combine("skaffold.yaml")));

    private static IReadOnlyDictionary<string, Node> Artifacts =>
        Config.At("build.artifacts").Items.ToDictionary(a => a["image"].Text!);

    [Fact]
    public void skaffold_builds_the_four_service_images_the_gateway_and_the_issuer_from_their_dockerfiles()
    {
        var expected = Conventions.Services.Select(s => (Image: s.Image, Dockerfile: s.Dockerfile))
            .Append((Image: Conventions.GatewayImage, Dockerfile: "deploy/docker/gateway.Dockerfile"))
            .Append((Image: "networkplatform/identity", Dockerfile: "deploy/docker/identity.Dockerfile")).ToList();

        Assert.Equal(expected.Select(e => e.Image).Order(), Artifacts.Keys.Order());
        foreach (var (image, dockerfile) in expected)
        {
            Assert.Equal(dockerfile, Artifacts[image].At("docker.dockerfile").Text);
            Assert.Equal(".", Artifacts[image]["context"].Text);
            Assert.True(File.Exists(RepositoryPaths.Combine(dockerfile)), $"{dockerfile} does not exist.");
        }
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void every_image_in_the_manifests_is_built_by_skaffold_or_pinned_to_a_tag(string overlay)
    {
        var images = Kustomize.Render(overlay).Objects.SelectMany(o => o.Descendants())
            .Where(n => n["containers"].Exists).SelectMany(n => n["containers"].Items).Select(c => c["image"].Text!).Distinct();

        Assert.All(images, image => Assert.True(Artifacts.ContainsKey(image) || image.Contains(':', StringComparison.Ordinal),
            $"{overlay}: {image} is neither a skaffold artifact nor pinned to a tag."));
    }

    [Fact]
    public void the_dev_and_prod_profiles_deploy_their_overlays_with_kustomize()
    {
        var profiles = Config["profiles"].Items.ToDictionary(p => p["name"].Text!);

        foreach (var profile in new[] { "dev", "prod" })
        {
            Assert.Equal([$"deploy/k8s/overlays/{profile}"], profiles[profile].At("manifests.kustomize.paths").Texts);
            Assert.True(profiles[profile].At("deploy.kubectl").Exists);
        }
        var hook = profiles["dev"].At("deploy.kubectl.hooks.before").Items.Single().At("host.command").Texts[0];
        Assert.True(File.Exists(RepositoryPaths.Combine(hook)), $"The dev profile's hook {hook} does not exist.");
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(RepositoryPaths.Combine(hook)).HasFlag(UnixFileMode.UserExecute), $"{hook} is not executable.");
    }

    [Fact]
    public void skaffold_forwards_the_gateway_service_port()
    {
        var forward = Config["portForward"].Items.Single();
        var gateway = Kustomize.Render("base").Get("Service", forward["resourceName"].Text!);

        Assert.Equal("service", forward["resourceType"].Text);
        Assert.Equal("gateway", forward["resourceName"].Text);
        Assert.Equal(Conventions.Namespace, forward["namespace"].Text);
        Assert.Equal(gateway.At("spec.ports").Items.Single()["port"].Int, forward["port"].Int);
    }
}
