using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Hosting.Peers;

/// <summary>
/// Asks the membership service (NetworkService.GetNetwork, on behalf of the caller) whether a network exists. Networks are
/// never deleted, so a network once found is remembered for the life of the process; an unknown one is asked again each
/// time, so a network created a moment ago is found at once (no lag).
/// </summary>
public sealed class NetworkCheck(NetworkService.NetworkServiceClient client, IHttpContextAccessor httpContext,
    ServiceIdentity? identity = null) : INetworkCheck
{
    public const string NetworkType = "networkplatform.membership.v1.Network";

    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);

    public async Task EnsureExistsAsync(string networkId, CancellationToken cancellationToken)
    {
        if (known.ContainsKey(networkId))
        {
            return;
        }
        try
        {
            await client.GetNetworkAsync(new GetNetworkRequest { NetworkId = networkId },
                PeerClients.OnBehalfOf(httpContext, identity, networkId, cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new NotFoundException(NetworkType, $"networks/{networkId}");
        }
        known.TryAdd(networkId, true);
    }
}

public static class NetworkCheckRegistration
{
    /// <summary>
    /// The network check of a service that keeps data per network: the membership service at Services:Membership. Where
    /// membership runs in the same process (standalone) its own check (its networks collection) stays the one, whichever
    /// module is added first: membership's calls must not ask membership.
    /// </summary>
    public static IServiceCollection AddNetworkCheck(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPeerClient<NetworkService.NetworkServiceClient>(configuration, "Membership");
        services.TryAddSingleton<INetworkCheck>(sp => ActivatorUtilities.CreateInstance<NetworkCheck>(sp));
        return services;
    }
}
