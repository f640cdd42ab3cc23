using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.Networks;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;
using static NetworkPlatform.Membership.Api.MembershipMapping;

namespace NetworkPlatform.Membership.Api;

/// <summary>networkplatform.membership.v1 networks &lt;-&gt; the networks use cases' records.</summary>
public static class NetworkMapping
{
    public static GetNetworkQuery ToQuery(V1.GetNetworkRequest request) => new(request.NetworkId);

    public static ListNetworkRelationsQuery ToQuery(V1.ListNetworkRelationsRequest request) => new(request.NetworkId);

    public static CreateNetworkCommand ToCommand(V1.CreateNetworkRequest request)
    {
        var network = request.Network ?? new V1.Network();
        return new(request.RequestId, network.Id, Input(network));
    }

    public static UpdateNetworkCommand ToCommand(V1.UpdateNetworkRequest request)
    {
        var network = request.Network ?? new V1.Network();
        return new(network.Id, network.Etag, [.. request.UpdateMask?.Paths ?? []], Input(network));
    }

    public static V1.Network ToProto(Versioned<Network> stored)
    {
        var n = stored.Document;
        var proto = new V1.Network
        {
            Id = n.Id,
            DisplayName = n.DisplayName,
            Kind = MembershipMapping.ToProto(n.Kind),
            Country = n.Country,
            Region = n.Region,
            TimeZone = n.TimeZone,
            CreateTime = MembershipMapping.ToProto(n.CreatedAt),
            UpdateTime = MembershipMapping.ToProto(n.UpdatedAt),
            Etag = stored.ETag,
        };
        proto.Languages.AddRange(n.Languages);
        return proto;
    }

    public static V1.ListNetworkRelationsResponse ToProto(NetworkRelations relations)
    {
        var response = new V1.ListNetworkRelationsResponse();
        response.Parents.AddRange(relations.Parents.Select(ToProto));
        response.Children.AddRange(relations.Children.Select(ToProto));
        return response;
    }

    private static V1.NetworkRelation ToProto(NetworkRelationView view) => new()
    {
        ParentNetworkId = view.Relation.ParentNetworkId,
        ChildNetworkId = view.Relation.ChildNetworkId,
        OrganisationId = view.Relation.OrganisationId,
        MembershipState = MembershipMapping.ToProto(view.MembershipState),
    };

    private static NetworkInput Input(V1.Network network) =>
        new(network.DisplayName, ChoiceOf<V1.NetworkKind, NetworkKind>(network.Kind, ToDomain), network.Country, network.Region,
            [.. network.Languages],
            network.TimeZone);
}
