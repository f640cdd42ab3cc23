using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>Ordered by id; optional filters on kind and membership state.</summary>
public static class ListOrganisations
{
    public static async Task<Page<Organisation>> HandleAsync(MembershipContext context, Caller caller, V1.ListOrganisationsRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId);
        var query = MembershipCollections.Organisations.Query();
        if (request.Kind != V1.OrganisationKind.Unspecified && validation.Enum("kind", request.Kind, ProtoMapping.ToDomain) is { } kind)
        {
            query = query.Where(o => o.Kind, kind);
        }
        if (request.MembershipState != V1.MembershipState.Unspecified && validation.Enum("membership_state", request.MembershipState, ProtoMapping.ToDomain) is { } state)
        {
            query = query.Where(o => o.Membership.State, state);
        }
        validation.ThrowIfInvalid();
        var pageSize = Paging.PageSize(request.PageSize);
        Authorisation.EnsureReader(caller, request.NetworkId);
        return await context.Store.QueryAsync(MembershipCollections.Organisations, request.NetworkId, query.Page(pageSize,
            Paging.Token(request.PageToken)), cancellationToken);
    }
}
