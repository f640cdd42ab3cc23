using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Networks;

/// <summary>Both directions: the networks this one is a member of, and the networks that are members of it.</summary>
public static class ListNetworkRelations
{
    public static async Task<V1.ListNetworkRelationsResponse> HandleAsync(MembershipContext context, Caller caller, V1.ListNetworkRelationsRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).ThrowIfInvalid();
        Authorisation.EnsureReader(caller, request.NetworkId);
        await context.Store.RequireAsync(MembershipCollections.Networks, request.NetworkId, request.NetworkId, cancellationToken);

        var response = new V1.ListNetworkRelationsResponse();
        foreach (var relation in await AllAsync(context, request.NetworkId, "child", cancellationToken))
        {
            response.Parents.Add(await ToProtoAsync(context, relation, cancellationToken));
        }
        foreach (var relation in await AllAsync(context, request.NetworkId, "parent", cancellationToken))
        {
            response.Children.Add(await ToProtoAsync(context, relation, cancellationToken));
        }
        return response;
    }

    private static async Task<List<NetworkRelation>> AllAsync(MembershipContext context, string networkId, string index, CancellationToken cancellationToken)
    {
        var relations = new List<NetworkRelation>();
        string? token = null;
        do
        {
            var page = await context.Store.QueryAsync(MembershipCollections.NetworkRelations, networkId,
                new DocumentQuery([new IndexFilter(index, networkId)], Paging.MaxPageSize, token), cancellationToken);
            relations.AddRange(page.Items.Select(i => i.Document));
            token = page.NextPageToken;
        }
        while (token is not null);
        return relations;
    }

    /// <summary>The membership state is read live from the organisation in the parent network.</summary>
    private static async Task<V1.NetworkRelation> ToProtoAsync(MembershipContext context, NetworkRelation relation, CancellationToken cancellationToken)
    {
        var organisation = await context.Store.GetAsync(MembershipCollections.Organisations, relation.ParentNetworkId, relation.OrganisationId, cancellationToken);
        return new V1.NetworkRelation
        {
            ParentNetworkId = relation.ParentNetworkId,
            ChildNetworkId = relation.ChildNetworkId,
            OrganisationId = relation.OrganisationId,
            MembershipState = organisation is null ? V1.MembershipState.Unspecified : ProtoMapping.ToProto(organisation.Document.Membership.State),
        };
    }
}
