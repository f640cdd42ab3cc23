using NetworkPlatform.Groups;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership;

namespace NetworkPlatform.Standalone;

/// <summary>
/// The standalone defaults: loopback ports, SQLite files and the development signing key under the data directory,
/// the in-memory bus, and every service calling the others on this process's own port. Anything already configured
/// (command line, environment) wins.
/// </summary>
internal sealed record StandaloneSettings(string DataDirectory, int GrpcPort, int HttpPort, DevelopmentTokens Tokens)
{
    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    /// <summary>JSON, gRPC-Web, the OpenAPI document and the dashboard.</summary>
    public string HttpAddress => $"http://127.0.0.1:{HttpPort}";

    public static StandaloneSettings Apply(ConfigurationManager configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["data-dir"] ?? ".data");
        var grpcPort = configuration.GetValue("GRPC_PORT", 5000);
        var httpPort = configuration.GetValue("HTTP_PORT", 5080);
        var tokens = DevelopmentTokens.LoadOrCreate(Path.Combine(dataDirectory, "auth"));
        var self = $"http://127.0.0.1:{grpcPort}";
        var defaults = new Dictionary<string, string?>
        {
            ["BIND_ADDRESS"] = "127.0.0.1",
            ["GRPC_PORT"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HTTP_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Bus:Transport"] = "InMemory",
            ["Auth:Issuer"] = tokens.AuthOptions.Issuer,
            ["Auth:Audience"] = tokens.AuthOptions.Audience,
            ["Auth:SigningKeyFile"] = tokens.AuthOptions.SigningKeyFile,
            ["Services:Membership"] = self,
            ["Services:Groups"] = self,
            ["Logging:Format"] = "text",
            [MembershipModule.SeedDemoKey] = "true",
            [GroupsModule.SeedDemoKey] = "true",
        };
        configuration.AddInMemoryCollection(defaults.Where(d => string.IsNullOrEmpty(configuration[d.Key])));
        return new StandaloneSettings(dataDirectory, grpcPort, httpPort, tokens);
    }
}
