using NetworkPlatform.Application;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkPlatform.Groups;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings;
using NetworkPlatform.Membership;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Reporting;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Storage;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Benchmarks.Scale;

/// <summary>
/// The platform as `make run` hosts it (the four services on one gRPC port, SQLite files, the in-memory bus, the demo
/// networks seeded), in this process so the bulk load can use the services' own stores; every measured call goes
/// through the public gRPC API (and the dashboard's HTTP port).
/// </summary>
internal sealed class PlatformUnderTest : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string directory;

    private PlatformUnderTest(WebApplication app, string directory, DevelopmentTokens tokens)
    {
        this.app = app;
        this.directory = directory;
        var endpoints = app.Services.GetRequiredService<ServiceEndpoints>();
        GrpcAddress = endpoints.GrpcAddress!.ToString().TrimEnd('/');
        HttpAddress = endpoints.HttpAddress!.ToString().TrimEnd('/');
        Tokens = tokens;
    }

    public string GrpcAddress { get; }

    /// <summary>JSON (transcoded), gRPC-Web and the dashboard page.</summary>
    public string HttpAddress { get; }

    public DevelopmentTokens Tokens { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<PlatformUnderTest> StartAsync(CancellationToken cancellationToken)
    {
        // MassTransit 8.4+ reports usage over HTTP unless told not to (no network here: it only logs a failure).
        Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");
        var directory = Directory.CreateTempSubdirectory("networkplatform-scale-").FullName;
        var tokens = DevelopmentTokens.LoadOrCreate(Path.Combine(directory, "auth"));
        // The services call each other at this host's own gRPC address: a candidate port (another on a bind conflict).
        var (app, _) = await CandidatePort.StartAsync(grpcPort => Build(directory, grpcPort, tokens));
        return new PlatformUnderTest(app, directory, tokens);
    }

    private static WebApplication Build(string directory, int grpcPort, DevelopmentTokens tokens)
    {
        var self = $"http://127.0.0.1:{grpcPort}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BIND_ADDRESS"] = "127.0.0.1",
            ["GRPC_PORT"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["HTTP_PORT"] = "0",
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = directory,
            ["Bus:Transport"] = "InMemory",
            ["Auth:Issuer"] = tokens.AuthOptions.Issuer,
            ["Auth:Audience"] = tokens.AuthOptions.Audience,
            ["Auth:SigningKeyFile"] = tokens.AuthOptions.SigningKeyFile,
            ["Services:Membership"] = self,
            ["Services:Groups"] = self,
            ["Services:Meetings"] = self,
            ["Logging:Format"] = "text",
            ["Logging:LogLevel:Default"] = "Warning",
            [MembershipModule.SeedDemoKey] = "true",
            [GroupsModule.SeedDemoKey] = "true",
        });
        builder.Services.AddSingleton(new ServiceIdentity((network, _) => ValueTask.FromResult(tokens.Issue("service", network,
            [Roles.Secretariat], lifetime: TimeSpan.FromMinutes(10)))));
        builder.AddServiceDefaults("standalone");
        builder.Services.AddMembership(builder.Configuration);
        builder.Services.AddGroups(builder.Configuration);
        builder.Services.AddMeetings(builder.Configuration);
        builder.Services.AddReporting(builder.Configuration);
        builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"),
            bus => bus.AddMembership().AddGroups().AddMeetings().AddReporting());
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapMembership();
        app.MapGroups();
        app.MapMeetings();
        app.MapReporting();
        return app;
    }

    /// <summary>
    /// Waits until nothing is left to do in the background: every service's outbox sent, and the reporting service's
    /// event count unchanged for half a second (its consumers have projected what was sent).
    /// </summary>
    public async Task QuietAsync(CancellationToken cancellationToken)
    {
        string[] services = [MembershipModule.ServiceName, GroupsModule.ServiceName, MeetingsModule.ServiceName,
            ReportingModule.ServiceName];
        var outboxes = services.Select(s => Services.GetRequiredKeyedService<IOutbox>(s)).ToList();
        var reporting = Services.GetRequiredKeyedService<IDocumentStore>(ReportingModule.ServiceName);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        var (seen, since) = (-1L, DateTime.UtcNow);
        while (DateTime.UtcNow < deadline)
        {
            var pending = false;
            foreach (var outbox in outboxes)
            {
                pending |= (await outbox.ReadPendingAsync(1, cancellationToken)).Count > 0;
            }
            var count = await EventLog.CountAsync(reporting, NetworkGrowth.Network, cancellationToken);
            if (pending || count != seen)
            {
                (seen, since) = (count, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - since > TimeSpan.FromMilliseconds(500))
            {
                return;
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException("The platform did not settle within 5 minutes: its outboxes or the reporting consumers are stuck.");
    }

    /// <summary>Bytes the services' SQLite files take (with their write-ahead logs).</summary>
    public long DatabaseBytes() => Directory.GetFiles(directory, "*.db*").Sum(f => new FileInfo(f).Length);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
