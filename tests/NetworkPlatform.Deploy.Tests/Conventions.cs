namespace NetworkPlatform.Deploy.Tests;

/// <summary>A deployable service as the brief's conventions name it.</summary>
/// <param name="LocalHttpPort">make up's HTTP/1.1 port (JSON, gRPC-Web): reporting's is the dashboard's.</param>
public sealed record PlatformService(string Name, string Project, int LocalPort, int LocalHttpPort)
{
    public string ProjectPath => $"services/{Project}/NetworkPlatform.{Project}.csproj";
    public string AssemblyName => $"NetworkPlatform.{Project}";
    public string Image => $"networkplatform/{Name}";
    public string ProtoPackage => $"networkplatform.{Name}.v1";
    public string Dockerfile => $"deploy/docker/{Name}.Dockerfile";
    public string Headless => $"{Name}-headless";

    /// <summary>gRPC (h2c) and HTTP/1.1 (JSON, gRPC-Web; reporting's dashboard too).</summary>
    public IReadOnlyList<int> ContainerPorts => [Conventions.GrpcPort, Conventions.HttpPort];

    /// <summary>The gateway's clusters: gRPC to the h2c port, JSON and gRPC-Web to the HTTP/1.1 port.</summary>
    public string GrpcCluster => Name;
    public string HttpCluster => $"{Name}-http";

    public override string ToString() => Name;
}

/// <summary>The configuration conventions of the brief that deploy/ must agree with.</summary>
public static class Conventions
{
    public const int GrpcPort = 8080;
    public const int HttpPort = 8081;
    public const int LocalDashboardPort = 5180;

    /// <summary>make up's embedded token issuer (services/Identity), with a database and role of its own.</summary>
    public const int LocalIssuerPort = 5100;
    public const string Namespace = "networkplatform";
    public const string GatewayImage = "networkplatform/gateway";

    public static readonly IReadOnlyList<PlatformService> Services =
    [
        new("membership", "Membership", 5101, 5181),
        new("groups", "Groups", 5102, 5182),
        new("meetings", "Meetings", 5103, 5183),
        new("reporting", "Reporting", 5104, LocalDashboardPort),
    ];

    public static readonly IReadOnlyList<string> Overlays = ["base", "overlays/dev", "overlays/prod"];

    /// <summary>Who may call whom over gRPC (besides the gateway, which calls everyone).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Calls = new Dictionary<string, string[]>
    {
        ["membership"] = [],
        ["groups"] = ["membership"],
        ["meetings"] = ["groups", "membership"],
        // A person's data export gathers the other services' sections.
        ["reporting"] = ["membership", "groups", "meetings"],
    };

    public static PlatformService Service(string name) => Services.Single(s => s.Name == name);

    public static IEnumerable<object[]> ServiceNames() => Services.Select(s => new object[] { s.Name });

    public static IEnumerable<object[]> OverlayNames() => Overlays.Select(o => new object[] { o });

    public static IEnumerable<object[]> OverlaysAndServices() =>
        from overlay in Overlays from service in Services select new object[] { overlay, service.Name };
}
