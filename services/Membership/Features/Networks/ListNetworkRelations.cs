using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Networks;

public sealed record ListNetworkRelationsQuery(string NetworkId) : INetworkRequest;

/// <summary>A relation with the membership state of its organisation in the parent network (null when that is gone).</summary>
public sealed record NetworkRelationView(NetworkRelation Relation, MembershipState? MembershipState);

/// <param name="Parents">The networks this one is a member of.</param>
/// <param name="Children">The networks that are members of this one.</param>
public sealed record NetworkRelations(IReadOnlyList<NetworkRelationView> Parents, IReadOnlyList<NetworkRelationView> Children);

/// <summary>Both directions: the networks this one is a member of, and the networks that are members of it.</summary>
public sealed class ListNetworkRelations(MembershipContext context) : IUseCase<ListNetworkRelationsQuery, NetworkRelations>
{
    public void Authorize(ListNetworkRelationsQuery query, Caller caller)
    {
    }

    public void Validate(ListNetworkRelationsQuery query, Violations violations)
    {
    }

    public async Task<NetworkRelations> HandleAsync(ListNetworkRelationsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        await context.Store.RequireAsync(MembershipResources.Networks, query.NetworkId, query.NetworkId, cancellationToken);
        var relations = MembershipCollections.NetworkRelations;
        var parents = await context.Store.ReadAllAsync(relations, query.NetworkId,
            relations.Query().Where(r => r.ChildNetworkId, query.NetworkId), cancellationToken);
        var children = await context.Store.ReadAllAsync(relations, query.NetworkId,
            relations.Query().Where(r => r.ParentNetworkId, query.NetworkId), cancellationToken);
        return new NetworkRelations(await ViewsAsync(parents, cancellationToken), await ViewsAsync(children, cancellationToken));
    }

    /// <summary>The membership state is read live from the organisation in the parent network.</summary>
    private async Task<IReadOnlyList<NetworkRelationView>> ViewsAsync(IEnumerable<NetworkRelation> relations,
        CancellationToken cancellationToken)
    {
        var views = new List<NetworkRelationView>();
        foreach (var relation in relations)
        {
            var organisation = await context.Store.GetAsync(MembershipCollections.Organisations, relation.ParentNetworkId,
                relation.OrganisationId,
                cancellationToken);
            views.Add(new NetworkRelationView(relation, organisation?.Document.Membership.State));
        }
        return views;
    }
}
