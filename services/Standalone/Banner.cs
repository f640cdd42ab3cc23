using NetworkPlatform.Hosting;
using NetworkPlatform.Membership.Seed;

namespace NetworkPlatform.Standalone;

/// <summary>
/// What `make run` prints once it answers calls: where gRPC, JSON, the dashboard and the token issuer are, how to get a
/// token for every role, calls to copy, next steps and anything that did not work. Framework chatter stays at Debug
/// (appsettings.json).
/// </summary>
internal static class Banner
{
    private const string Network = DemoNetworks.Partnership;

    public static void Print(WebApplication app, IReadOnlyList<string> warnings)
    {
        var settings = app.Services.GetRequiredService<StandaloneSettings>();
        var grpc = new Uri(settings.GrpcAddress).Authority;
        var http = settings.HttpAddress;
        var year = DateTime.UtcNow.Year;
        var mail = app.Configuration["Notifications:Smtp:Host"] is { Length: > 0 } ? "" :
            "\n  - Mail is off: notices are logged at Debug only. Set Notifications__Smtp__Host (and __Port) to send them.";
        var warningLines = string.Concat(warnings.Select(w => "\n  - " + w)) + mail;
        Console.WriteLine($"""

            Network Platform is running (standalone: membership, groups, meetings, reporting in one process)
              gRPC (HTTP/2, h2c)    {grpc}   health, reflection v1/v1alpha: grpcurl -plaintext {grpc} list
              JSON and gRPC-Web     {http}   OpenAPI: {http}{ServiceDefaults.OpenApiPath}
              Dashboard             {http}/#network={Network}&year={year}   (sign in as a demo person)
              Token issuer (OIDC)   {settings.Issuer}   discovery: {settings.Issuer}.well-known/openid-configuration
              Data                  {settings.DataDirectory} (make clean && make run starts from scratch)

            Tokens come from the embedded issuer (valid 10 minutes). All of them as shell variables:
              eval "$(make -s tokens)"    # {TokenVariables}
            One at a time, for every role (the demo's people and partner system):
            {DemoIdentities.TokenHelp()}

            Try it:
              curl -s -H "authorization: Bearer $SECRETARIAT" {http}/v1/networks/{Network}/groups
              grpcurl -plaintext -H "authorization: Bearer $SECRETARIAT" -d '{"{"}"network_id":"{Network}"{"}"}' \
                {grpc} networkplatform.groups.v1.GroupsService/ListGroups
              curl -s -H "authorization: Bearer $DASHBOARD" "{http}/v1/networks/{Network}/health?year={year}"
              curl -s -H "authorization: Bearer $LEADER" {http}/v1/networks/{Network}/directory

            Next: README.md's tour; `make up` runs the same services as separate processes on PostgreSQL and RabbitMQ.
            Warnings:{(warningLines.Length == 0 ? " none" : warningLines)}
            Stop with Ctrl+C.

            """);
    }

    private static string TokenVariables =>
        $"{string.Join(", ", DemoIdentities.Tokens.Where(t => t.Network == Network).Select(t => t.Variable))} for {Network}; " +
        string.Join(", ", DemoIdentities.Tokens.Where(t => t.Network != Network).Select(t => $"{t.Variable} for {t.Network}"));
}
