using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Networks;

public static class GetNetwork
{
    public static async Task<Versioned<Network>> HandleAsync(MembershipContext context, Caller caller, V1.GetNetworkRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).ThrowIfInvalid();
        Authorisation.EnsureReader(caller, request.NetworkId);
        return await context.Store.RequireAsync(MembershipCollections.Networks, request.NetworkId, request.NetworkId, cancellationToken);
    }
}
