using NetworkPlatform.Groups.Seed;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Seed;

namespace NetworkPlatform.Standalone;

/// <summary>
/// What `make run` prints once it answers calls: where gRPC, JSON and the dashboard are, where the ready-made tokens are,
/// calls to copy, next steps and anything that did not work. Framework chatter stays at Debug (appsettings.json).
/// </summary>
internal static class Banner
{
    private const string Network = DemoNetworks.Partnership;

    public static void Print(WebApplication app, IReadOnlyList<string> warnings)
    {
        var settings = app.Services.GetRequiredService<StandaloneSettings>();
        var tokens = app.Services.GetRequiredService<DevelopmentTokens>();
        var tokenFile = WriteTokens(tokens, settings.DataDirectory);
        var grpc = new Uri(settings.GrpcAddress).Authority;
        var http = settings.HttpAddress;
        var year = DateTime.UtcNow.Year;
        var dashboardToken = tokens.Issue("demo-dashboard", Network, [Roles.DashboardReader]);
        var mail = app.Configuration["Notifications:Smtp:Host"] is { Length: > 0 } ? "" :
            "\n  - Mail is off: notices are logged at Debug only. Set Notifications__Smtp__Host (and __Port) to send them.";
        var warningLines = string.Concat(warnings.Select(w => "\n  - " + w)) + mail;
        Console.WriteLine($"""

            Network Platform is running (standalone: membership, groups, meetings, reporting in one process)
              gRPC (HTTP/2, h2c)    {grpc}   health, reflection v1/v1alpha: grpcurl -plaintext {grpc} list
              JSON and gRPC-Web     {http}   OpenAPI: {http}{ServiceDefaults.OpenApiPath}
              Dashboard             {http}/#network={Network}&year={year}&token={dashboardToken}
              Data                  {settings.DataDirectory} (make clean && make run starts from scratch)

            Tokens for the demo networks (30 days, signed with the development key) are in {tokenFile}:
              source {tokenFile}    # SECRETARIAT, LEADER, OPERATOR, DASHBOARD for {Network}; HPH_SECRETARIAT for {DemoNetworks.NationalHph}

            Try it:
              curl -s -H "authorization: Bearer $SECRETARIAT" {http}/v1/networks/{Network}/groups
              grpcurl -plaintext -H "authorization: Bearer $SECRETARIAT" -d '{"{"}"network_id":"{Network}"{"}"}' {grpc} networkplatform.groups.v1.GroupsService/ListGroups
              curl -s -H "authorization: Bearer $DASHBOARD" "{http}/v1/networks/{Network}/health?year={year}"
              curl -s -H "authorization: Bearer $LEADER" {http}/v1/networks/{Network}/directory

            Next: README.md's tour; `make up` runs the same services as separate processes on PostgreSQL and RabbitMQ.
            Warnings:{(warningLines.Length == 0 ? " none" : warningLines)}
            Stop with Ctrl+C.

            """);
    }

    /// <summary>The demo tokens as shell variables, readable by the owner only.</summary>
    private static string WriteTokens(DevelopmentTokens tokens, string dataDirectory)
    {
        var leader = tokens.Issue("demo-leader", Network, [Roles.GroupLeader],
            organisationId: DemoPeople.OrganisationId(Network, "Trygg Skolevei"), personId: DemoPeople.PersonId(Network, "Sindre Moen"));
        var path = Path.Combine(dataDirectory, "auth", "tokens.env");
        File.WriteAllText(path, $"""
            # Tokens for `make run` (development key, valid 30 days). Use: source {path}
            # Secretariat of {Network}: everything in that network.
            export SECRETARIAT={tokens.Issue("demo-secretariat", Network, [Roles.Secretariat])}
            # Sindre Moen, group leader (Arbeidsgruppe digital mobbing): sees his members' contact details.
            export LEADER={leader}
            # Operator of {Network}: rebuilds projections.
            export OPERATOR={tokens.Issue("demo-operator", Network, [Roles.Operator])}
            # Dashboard reader of {Network}.
            export DASHBOARD={tokens.Issue("demo-dashboard", Network, [Roles.DashboardReader])}
            # Secretariat of {DemoNetworks.NationalHph} (inside {DemoNetworks.InternationalHph}).
            export HPH_SECRETARIAT={tokens.Issue("demo-secretariat-hph", DemoNetworks.NationalHph, [Roles.Secretariat])}

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }
}
