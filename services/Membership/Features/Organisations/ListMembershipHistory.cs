using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>Every step of an organisation's membership, oldest first, with who decided, when and why.</summary>
public static class ListMembershipHistory
{
    public static async Task<V1.ListMembershipHistoryResponse> HandleAsync(MembershipContext context, Caller caller, V1.ListMembershipHistoryRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).Id("organisation_id", request.OrganisationId).ThrowIfInvalid();
        Authorisation.EnsureReader(caller, request.NetworkId);
        var organisation = await context.Store.RequireAsync(MembershipCollections.Organisations, request.NetworkId, request.OrganisationId, cancellationToken);
        var response = new V1.ListMembershipHistoryResponse();
        response.Steps.AddRange(organisation.Document.Membership.History.Select(ProtoMapping.ToProto));
        return response;
    }
}
