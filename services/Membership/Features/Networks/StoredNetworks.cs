using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Networks;

/// <summary>
/// The network check of the service that owns networks: a request of a network that was never created is NOT_FOUND before its
/// use case runs (the other services ask this service the same through NetworkService.GetNetwork).
/// </summary>
public sealed class StoredNetworks(IDocumentStore store) : INetworkCheck
{
    public Task EnsureExistsAsync(string networkId, CancellationToken cancellationToken) =>
        store.RequireAsync(MembershipResources.Networks, networkId, networkId, cancellationToken);
}
