using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Hosting;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Testing;

/// <summary>
/// The membership service's NetworkService for a service tested on its own (its network check, Services:Membership):
/// GetNetwork answers for the networks in <see cref="Ids"/> and NOT_FOUND for any other, over HTTP/2 on a port Kestrel picks.
/// </summary>
public sealed class MembershipNetworks : IAsyncDisposable
{
    private readonly WebApplication app;

    private MembershipNetworks(WebApplication app, ConcurrentDictionary<string, int> asked)
    {
        this.app = app;
        Asked = asked;
        Address = app.Urls.Single();
    }

    /// <summary>The networks that exist.</summary>
    public ConcurrentDictionary<string, bool> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>How often each network was asked for.</summary>
    public ConcurrentDictionary<string, int> Asked { get; }

    /// <summary>For Services:Membership.</summary>
    public string Address { get; }

    public static async Task<MembershipNetworks> StartAsync(params string[] networks)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        var asked = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        MembershipNetworks? self = null;
        builder.Services.AddSingleton(_ => new Networks(id =>
        {
            asked.AddOrUpdate(id, 1, (_, n) => n + 1);
            return self!.Ids.ContainsKey(id);
        }));
        var app = builder.Build();
        app.MapGrpcService<Networks>();
        await app.StartAsync();
        self = new MembershipNetworks(app, asked);
        foreach (var network in networks)
        {
            self.Ids[network] = true;
        }
        return self;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed class Networks(Func<string, bool> exists) : NetworkService.NetworkServiceBase
    {
        public override Task<Network> GetNetwork(GetNetworkRequest request, ServerCallContext context) =>
            exists(request.NetworkId)
                ? Task.FromResult(new Network { Id = request.NetworkId, DisplayName = request.NetworkId })
                : throw new RpcException(new Status(StatusCode.NotFound, $"networks/{request.NetworkId} does not exist"));
    }
}
