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
        var relations = MembershipCollections.NetworkRelations;
        var asChild = relations.Query().Where(r => r.ChildNetworkId, request.NetworkId);
        foreach (var relation in await context.Store.ReadAllAsync(relations, request.NetworkId, asChild, cancellationToken))
        {
            response.Parents.Add(await ToProtoAsync(context, relation, cancellationToken));
        }
        var asParent = relations.Query().Where(r => r.ParentNetworkId, request.NetworkId);
        foreach (var relation in await context.Store.ReadAllAsync(relations, request.NetworkId, asParent, cancellationToken))
        {
            response.Children.Add(await ToProtoAsync(context, relation, cancellationToken));
        }
        return response;
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
