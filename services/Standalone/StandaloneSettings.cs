using NetworkPlatform.Groups;
using NetworkPlatform.Identity.Registrations;
using NetworkPlatform.Membership;

namespace NetworkPlatform.Standalone;

/// <summary>
/// The standalone defaults: loopback ports, SQLite files under the data directory, the in-memory bus, every service calling
/// the others on this process's own port, and the embedded issuer on the HTTP port. The services accept its tokens
/// (Auth__Authority), call each other in the background as the client service-standalone, and the dashboard signs in as the
/// client dashboard; their secrets are generated into the data directory at the first start. Anything already configured
/// (command line, environment) wins.
/// </summary>
internal sealed record StandaloneSettings(string DataDirectory, int GrpcPort, int HttpPort)
{
    public const string ServiceClientId = "service-standalone";
    public const string DashboardClientId = "dashboard";

    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    /// <summary>JSON, gRPC-Web, the OpenAPI document and the dashboard.</summary>
    public string HttpAddress => $"http://127.0.0.1:{HttpPort}";

    /// <summary>The embedded issuer, on the HTTP port (browsers sign in there).</summary>
    public string Issuer => HttpAddress + "/";

    public string SecretsDirectory => Path.Combine(DataDirectory, "identity", "secrets");

    public static StandaloneSettings Apply(ConfigurationManager configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["data-dir"] ?? ".data");
        var grpcPort = configuration.GetValue("GRPC_PORT", 5000);
        var httpPort = configuration.GetValue("HTTP_PORT", 5080);
        var settings = new StandaloneSettings(dataDirectory, grpcPort, httpPort);
        var serviceSecret = Path.Combine(settings.SecretsDirectory, ServiceClientId + ".secret");
        var dashboardSecret = Path.Combine(settings.SecretsDirectory, DashboardClientId + ".secret");
        Secrets.ReadOrCreate(serviceSecret);
        Secrets.ReadOrCreate(dashboardSecret);
        DemoIdentities.WriteTokenList(settings.SecretsDirectory);
        var self = $"http://127.0.0.1:{grpcPort}";
        var defaults = new Dictionary<string, string?>
        {
            ["BIND_ADDRESS"] = "127.0.0.1",
            ["GRPC_PORT"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HTTP_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Bus:Transport"] = "InMemory",
            ["Auth:Authority"] = settings.Issuer,
            ["Auth:Audience"] = "networkplatform",
            ["Auth:ClientId"] = ServiceClientId,
            ["Auth:ClientSecretFile"] = serviceSecret,
            ["Identity:Issuer"] = settings.Issuer,
            ["Identity:Clients:0:ClientId"] = ServiceClientId,
            ["Identity:Clients:0:Kind"] = ClientKinds.Service,
            ["Identity:Clients:0:SecretFile"] = serviceSecret,
            ["Identity:Clients:1:ClientId"] = DashboardClientId,
            ["Identity:Clients:1:DisplayName"] = "The dashboard",
            ["Identity:Clients:1:Kind"] = ClientKinds.Web,
            ["Identity:Clients:1:SecretFile"] = dashboardSecret,
            ["Identity:Clients:1:RedirectUris:0"] = settings.Issuer + "signin-oidc",
            ["Identity:Clients:1:PostLogoutRedirectUris:0"] = settings.Issuer + "signout-callback-oidc",
            ["Dashboard:ClientId"] = DashboardClientId,
            ["Dashboard:ClientSecretFile"] = dashboardSecret,
            ["Services:Membership"] = self,
            ["Services:Groups"] = self,
            ["Services:Meetings"] = self,
            ["Logging:Format"] = "text",
            [MembershipModule.SeedDemoKey] = "true",
            [GroupsModule.SeedDemoKey] = "true",
        };
        foreach (var (key, value) in DemoIdentities.Settings(settings.SecretsDirectory))
        {
            defaults[key] = value;
        }
        configuration.AddInMemoryCollection(defaults.Where(d => string.IsNullOrEmpty(configuration[d.Key])));
        return settings;
    }
}
