using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Peers;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Meetings.Peers;

/// <summary>
/// Asks the membership service (Services:Membership, NetworkService.GetNetwork) as <see cref="GrpcGroupDirectory"/> asks
/// the groups service. A network's languages rarely change: an answer is kept for <see cref="KeptFor"/>, so a change of
/// language reaches new texts within that time. When membership cannot answer (down, or a background call of a service
/// without its own identity) the texts are English, with a warning: a notice in English beats a cancellation never sent.
/// </summary>
public sealed class GrpcNetworkLanguages(NetworkService.NetworkServiceClient client, TimeProvider clock,
    IHttpContextAccessor? httpContext, string? fixedAuthorization = null, ServiceIdentity? identity = null,
    ILogger<GrpcNetworkLanguages>? logger = null) : INetworkLanguages
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> Languages, DateTimeOffset Until)> kept =
        new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> LanguagesAsync(string networkId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (kept.TryGetValue(networkId, out var answer) && answer.Until > now)
        {
            return answer.Languages;
        }
        var options = fixedAuthorization is null
            ? PeerClients.OnBehalfOf(httpContext, identity, networkId, cancellationToken)
            : new CallOptions(new Metadata { { "authorization", fixedAuthorization } }, cancellationToken: cancellationToken);
        Network network;
        try
        {
            network = await client.GetNetworkAsync(new GetNetworkRequest { NetworkId = networkId }, options);
        }
        catch (RpcException e) when (e.StatusCode is not StatusCode.Cancelled)
        {
            logger?.LogWarning("The languages of network {NetworkId} are unknown ({Status}: {Detail}); writing in English.",
                networkId, e.StatusCode, e.Status.Detail);
            return [];
        }
        IReadOnlyList<string> languages = [.. network.Languages];
        kept[networkId] = (languages, now + KeptFor);
        return languages;
    }
}
