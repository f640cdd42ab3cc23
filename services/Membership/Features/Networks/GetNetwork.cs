using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Networks;

public sealed record GetNetworkQuery(string NetworkId) : INetworkRequest;

/// <summary>Any caller of the network reads it.</summary>
public sealed class GetNetwork(MembershipContext context) : IUseCase<GetNetworkQuery, Versioned<Network>>
{
    public void Authorize(GetNetworkQuery query, Caller caller)
    {
    }

    public void Validate(GetNetworkQuery query, Violations violations)
    {
    }

    public Task<Versioned<Network>> HandleAsync(GetNetworkQuery query, Caller caller, CancellationToken cancellationToken) =>
        context.Store.RequireAsync(MembershipResources.Networks, query.NetworkId, query.NetworkId, cancellationToken);
}
