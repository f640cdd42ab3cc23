namespace NetworkPlatform.Deploy.Tests;

/// <summary>A deployable service as the brief's conventions name it.</summary>
public sealed record PlatformService(string Name, string Project, int LocalPort, bool HasDashboard)
{
    public string ProjectPath => $"services/{Project}/NetworkPlatform.{Project}.csproj";
    public string AssemblyName => $"NetworkPlatform.{Project}";
    public string Image => $"networkplatform/{Name}";
    public string ProtoPackage => $"networkplatform.{Name}.v1";
    public string Dockerfile => $"deploy/docker/{Name}.Dockerfile";
    public string Headless => $"{Name}-headless";

    public IReadOnlyList<int> ContainerPorts => HasDashboard ? [Conventions.GrpcPort, Conventions.HttpPort] : [Conventions.GrpcPort];

    public override string ToString() => Name;
}

/// <summary>The configuration conventions of the brief that deploy/ must agree with.</summary>
public static class Conventions
{
    public const int GrpcPort = 8080;
    public const int HttpPort = 8081;
    public const int LocalDashboardPort = 5180;
    public const string Namespace = "networkplatform";
    public const string GatewayImage = "networkplatform/gateway";

    public static readonly IReadOnlyList<PlatformService> Services =
    [
        new("membership", "Membership", 5101, HasDashboard: false),
        new("groups", "Groups", 5102, HasDashboard: false),
        new("meetings", "Meetings", 5103, HasDashboard: false),
        new("reporting", "Reporting", 5104, HasDashboard: true),
    ];

    public static readonly IReadOnlyList<string> Overlays = ["base", "overlays/dev", "overlays/prod"];

    /// <summary>Who may call whom over gRPC (besides the gateway, which calls everyone).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Calls = new Dictionary<string, string[]>
    {
        ["membership"] = [],
        ["groups"] = ["membership"],
        ["meetings"] = ["groups", "membership"],
        ["reporting"] = [],
    };

    public static PlatformService Service(string name) => Services.Single(s => s.Name == name);

    public static IEnumerable<object[]> ServiceNames() => Services.Select(s => new object[] { s.Name });

    public static IEnumerable<object[]> OverlayNames() => Overlays.Select(o => new object[] { o });

    public static IEnumerable<object[]> OverlaysAndServices() =>
        from overlay in Overlays from service in Services select new object[] { overlay, service.Name };
}
