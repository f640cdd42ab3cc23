using NetworkPlatform.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Membership.Api;
using NetworkPlatform.Membership.Features.Networks;
using NetworkPlatform.Membership.Seed;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Messaging.Bus;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>
/// The two servers of the comparison, in this process and on ports Kestrel picks, over one SQLite file with the demo
/// networks. Platform: the membership service as its Program.cs hosts it (service defaults: JwtBearer and the caller
/// policy, RPC telemetry, health, reflection, JSON transcoding, gRPC-Web). Plain: AddGrpc() and MapGrpcService alone,
/// running the same use case (GetNetwork: read one document, map it) for a fixed caller.
/// </summary>
internal sealed class MembershipServers : IAsyncDisposable
{
    public const string Network = DemoNetworks.Partnership;

    private readonly string directory;
    private readonly WebApplication platform;
    private readonly WebApplication plain;

    private MembershipServers(string directory, WebApplication platform, WebApplication plain, string token)
    {
        this.directory = directory;
        this.platform = platform;
        this.plain = plain;
        Authorization = "Bearer " + token;
    }

    public int PlatformPort => platform.Services.GetRequiredService<ServiceEndpoints>().GrpcAddress!.Port;

    public int PlainPort => new Uri(plain.Urls.Single()).Port;

    /// <summary>A reader's token of <see cref="Network"/> for the platform's GetNetwork.</summary>
    public string Authorization { get; }

    public static async Task<MembershipServers> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("np-bench-grpc-").FullName;
        var tokens = DevelopmentTokens.LoadOrCreate(Path.Combine(directory, "keys"));
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BIND_ADDRESS"] = "127.0.0.1",
            ["GRPC_PORT"] = "0",
            ["HTTP_PORT"] = "0",
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = directory,
            ["Auth:Issuer"] = DevelopmentTokens.Issuer,
            ["Auth:Audience"] = DevelopmentTokens.Audience,
            ["Auth:SigningKeyFile"] = tokens.JwksPath,
            [MembershipModule.SeedDemoKey] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            // h2load closes its connections with calls in flight at the end of every run: each is logged as a failed call.
            ["Logging:LogLevel:Grpc.AspNetCore.Server.ServerCallHandler"] = "Critical",
            ["Logging:LogLevel:NetworkPlatform.Hosting.Telemetry.RpcTelemetry"] = "Critical",
        });
        builder.AddServiceDefaults(MembershipModule.ServiceName);
        builder.Services.AddMembership(builder.Configuration);
        builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddMembership());
        var platform = builder.Build();
        platform.MapServiceDefaults();
        platform.MapMembership();
        await platform.StartAsync();

        // The stock template: default logging, ASP.NET Core's per-request lines off (as its appsettings.json has it).
        var bare = WebApplication.CreateBuilder();
        bare.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        bare.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Critical);
        bare.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        bare.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen =>
            listen.Protocols = HttpProtocols.Http2));
        bare.Services.AddGrpc();
        bare.Services.AddSingleton(platform.Services.GetRequiredService<GetNetwork>());
        var plain = bare.Build();
        plain.MapGrpcService<PlainNetworkService>();
        await plain.StartAsync();
        return new MembershipServers(directory, platform, plain, tokens.Issue("bench", Network, [Roles.DashboardReader]));
    }

    public async ValueTask DisposeAsync()
    {
        await plain.DisposeAsync();
        await platform.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>networkplatform.membership.v1.NetworkService/GetNetwork with the platform's use case, and nothing around it.</summary>
    private sealed class PlainNetworkService(GetNetwork getNetwork) : NetworkService.NetworkServiceBase
    {
        private static readonly Caller Reader = new("bench", Network, null, null, new HashSet<string> { Roles.DashboardReader });

        public override async Task<NetworkPlatform.Membership.V1.Network> GetNetwork(GetNetworkRequest request,
            ServerCallContext context) =>
            NetworkMapping.ToProto(await getNetwork.RunAsync(NetworkMapping.ToQuery(request), Reader, context.CancellationToken));
    }
}
