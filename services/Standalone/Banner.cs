using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NetworkPlatform.Groups.Seed;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Seed;

namespace NetworkPlatform.Standalone;

/// <summary>What `make run` prints once listening: the address, what is served, and calls to copy.</summary>
internal static class Banner
{
    public static void Print(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<StandaloneSettings>();
        var target = new Uri(settings.GrpcAddress).Authority;
        var tokens = app.Services.GetRequiredService<DevelopmentTokens>();
        var reader = tokens.Issue("demo-dashboard", DemoNetworks.Partnership, [Roles.DashboardReader]);
        var year = DateTime.UtcNow.Year;
        var healthBody = $"{{\"network_id\":\"{DemoNetworks.Partnership}\",\"year\":{year}}}";
        var groupsBody = $"{{\"network_id\":\"{DemoNetworks.Partnership}\"}}";
        Console.WriteLine($"""

            Network Platform is running (standalone): gRPC on {settings.GrpcAddress} (HTTP/2, h2c), data in {settings.DataDirectory}
              services: membership, groups, meetings, reporting; grpc.health.v1 and server reflection (v1, v1alpha)
              dashboard: {settings.DashboardAddress}/#network={DemoNetworks.Partnership}&year={year}&token={reader}

            Try it:
              grpcurl -plaintext {target} list
              grpcurl -plaintext {target} grpc.health.v1.Health/Check
              /usr/bin/python3 -c "import grpc; print(grpc.insecure_channel('{target}').unary_unary('/grpc.health.v1.Health/Check')(b'', timeout=5))"
                (b'\x08\x01' is status SERVING)
            {MembershipDemo(app, "-plaintext ", target)}
              group leader token (Sindre Moen, leads Arbeidsgruppe digital mobbing; sees his members' contact details): {Leader(tokens)}
              operator token ({DemoNetworks.Partnership}):     {tokens.Issue("demo-operator", DemoNetworks.Partnership, [Roles.Operator])}
              grpcurl -plaintext -H "authorization: Bearer $TOKEN" -d '{healthBody}' {target} networkplatform.reporting.v1.ReportingService/GetNetworkHealth
              grpcurl -plaintext -H "authorization: Bearer $TOKEN" -d '{groupsBody}' {target} networkplatform.groups.v1.GroupsService/ListGroups
            Stop with Ctrl+C. Start from scratch: make clean && make run.

            """);
    }

    private static string Leader(DevelopmentTokens tokens) => tokens.Issue("demo-leader", DemoNetworks.Partnership, [Roles.GroupLeader],
        organisationId: DemoPeople.OrganisationId(DemoNetworks.Partnership, "Trygg Skolevei"), personId: DemoPeople.PersonId(DemoNetworks.Partnership, "Sindre Moen"));

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
