using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using MeasurePolicy = NetworkPlatform.Groups.Domain.MeasurePolicy;

namespace NetworkPlatform.Groups.Features.MeasurePolicies;

/// <summary>The network's measure policy; until the secretariat sets one, the partnership default (two per working group).</summary>
public sealed class GetMeasurePolicy(IDocumentStore store)
{
    public async Task<Versioned<MeasurePolicy>> HandleAsync(GetMeasurePolicyRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.EnsureNetwork(request.NetworkId);
        return await ReadAsync(store, request.NetworkId, cancellationToken);
    }

    /// <summary>Version 0 means "the default, never stored".</summary>
    public static async Task<Versioned<MeasurePolicy>> ReadAsync(IDocumentStore store, string networkId, CancellationToken cancellationToken) =>
        await store.GetAsync(GroupsCollections.MeasurePolicies, networkId, MeasurePolicy.DocumentId, cancellationToken)
        ?? new Versioned<MeasurePolicy>(MeasurePolicy.Default(networkId), 0);
}
