using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NetworkPlatform.Membership.Seed;

namespace NetworkPlatform.Standalone;

/// <summary>What `make run` prints once listening: the address, what is served, and calls to copy.</summary>
internal static class Banner
{
    public static void Print(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<StandaloneSettings>();
        var target = new Uri(settings.GrpcAddress).Authority;
        var year = DateTime.UtcNow.Year;
        var healthBody = $"{{\"network_id\":\"{DemoNetworks.Partnership}\",\"year\":{year}}}";
        var groupsBody = $"{{\"network_id\":\"{DemoNetworks.Partnership}\"}}";
        Console.WriteLine($"""

            Network Platform is running (standalone): gRPC on {settings.GrpcAddress} (HTTP/2, h2c), data in {settings.DataDirectory}
              services: membership, groups, meetings, reporting; grpc.health.v1 and server reflection (v1, v1alpha)
              dashboard: {settings.DashboardAddress}/#network={DemoNetworks.Partnership}&year={year} (sign in as a demo person)
              token issuer (OpenID Connect): {settings.Issuer} (discovery: {settings.Issuer}.well-known/openid-configuration)

            Try it:
              grpcurl -plaintext {target} list
              grpcurl -plaintext {target} grpc.health.v1.Health/Check
              /usr/bin/python3 -c "import grpc; print(grpc.insecure_channel('{target}').unary_unary('/grpc.health.v1.Health/Check')(b'', timeout=5))"
                (b'\x08\x01' is status SERVING)
            {MembershipDemo("-plaintext ", target)}
              grpcurl -plaintext -H "authorization: Bearer $TOKEN" -d '{healthBody}' {target} networkplatform.reporting.v1.ReportingService/GetNetworkHealth
              grpcurl -plaintext -H "authorization: Bearer $TOKEN" -d '{groupsBody}' {target} networkplatform.groups.v1.GroupsService/ListGroups
            Stop with Ctrl+C. Start from scratch: make clean && make run.

            """);
    }

    /// <summary>The demo networks, how to get a token for every role (from the embedded issuer, valid 10 minutes) and a call to copy.</summary>
    private static string MembershipDemo(string plaintext, string target)
    {
        var body = $"{{\"network_id\":\"{DemoNetworks.Partnership}\"}}";
        return $"""
            Membership demo networks: {DemoNetworks.Partnership}, {DemoNetworks.NationalHph} (inside {DemoNetworks.InternationalHph})
            Tokens: TOKEN=$(make -s token ROLE=... NETWORK=...) gets one from the embedded issuer (valid 10 minutes), for every role:
            {DemoIdentities.TokenHelp()}
              grpcurl {plaintext}-H "authorization: Bearer $TOKEN" -d '{body}' {target} networkplatform.membership.v1.DirectoryService/SearchDirectory
            """;
    }
}
