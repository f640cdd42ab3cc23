using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Seed;

namespace NetworkPlatform.Standalone;

/// <summary>What `make run` prints once listening: the address, what is served, and calls to copy.</summary>
internal static class Banner
{
    public static void Print(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
        var target = new Uri(address).Authority;
        var plaintext = address.StartsWith("http://", StringComparison.Ordinal) ? "-plaintext " : "";
        var dataDirectory = app.Configuration["data-dir"] ?? "(none)";
        Console.WriteLine($"""

            Network Platform standalone: gRPC on {address} (HTTP/2), data directory {dataDirectory}
              serving: grpc.health.v1.Health, grpc.reflection.v1 and v1alpha ServerReflection

            Try it:
              grpcurl {plaintext}{target} list
              grpcurl {plaintext}{target} grpc.health.v1.Health/Check
              /usr/bin/python3 -c "import grpc; print(grpc.insecure_channel('{target}').unary_unary('/grpc.health.v1.Health/Check')(b'', timeout=5))"
                (b'\x08\x01' is status SERVING)
            {MembershipDemo(app, plaintext, target)}
            Stop with Ctrl+C.

            """);
    }

    /// <summary>Tokens for the demo networks (valid 30 days, signed with the development key) and a call to copy.</summary>
    private static string MembershipDemo(WebApplication app, string plaintext, string target)
    {
        var tokens = app.Services.GetRequiredService<DevelopmentTokens>();
        var secretariat = tokens.Issue("demo-secretariat", DemoNetworks.Partnership, [Roles.Secretariat]);
        var national = tokens.Issue("demo-secretariat-hph", DemoNetworks.NationalHph, [Roles.Secretariat]);
        var international = tokens.Issue("demo-secretariat-int", DemoNetworks.InternationalHph, [Roles.Secretariat]);
        var body = $"{{\"network_id\":\"{DemoNetworks.Partnership}\"}}";
        return $"""
            Membership demo networks: {DemoNetworks.Partnership}, {DemoNetworks.NationalHph} (inside {DemoNetworks.InternationalHph})
              secretariat token ({DemoNetworks.Partnership}):   {secretariat}
              secretariat token ({DemoNetworks.NationalHph}):        {national}
              secretariat token ({DemoNetworks.InternationalHph}): {international}
              grpcurl {plaintext}-H "authorization: Bearer $TOKEN" -d '{body}' {target} networkplatform.membership.v1.DirectoryService/SearchDirectory
            """;
    }
}
