using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.MeasurePolicies;

public sealed record GetMeasurePolicyQuery(string NetworkId) : INetworkRequest;

/// <summary>The network's measure policy; until the secretariat sets one, the partnership default (two per working group).</summary>
public sealed class GetMeasurePolicy(GroupsContext context) : IUseCase<GetMeasurePolicyQuery, Versioned<MeasurePolicy>>
{
    public void Authorize(GetMeasurePolicyQuery query, Caller caller)
    {
    }

    public void Validate(GetMeasurePolicyQuery query, Violations violations)
    {
    }

    public Task<Versioned<MeasurePolicy>> HandleAsync(GetMeasurePolicyQuery query, Caller caller, CancellationToken cancellationToken) =>
        ReadAsync(context.Store, query.NetworkId, cancellationToken);

    /// <summary>Version 0 means "the default, never stored".</summary>
    public static async Task<Versioned<MeasurePolicy>> ReadAsync(IDocumentStore store, string networkId,
        CancellationToken cancellationToken) =>
        await store.GetAsync(GroupsCollections.MeasurePolicies, networkId, MeasurePolicy.DocumentId, cancellationToken)
        ?? new Versioned<MeasurePolicy>(MeasurePolicy.Default(networkId), 0);
}
