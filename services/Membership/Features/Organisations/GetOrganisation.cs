using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Organisations;

public static class GetOrganisation
{
    public static async Task<Versioned<Organisation>> HandleAsync(MembershipContext context, Caller caller, V1.GetOrganisationRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).Id("organisation_id", request.OrganisationId).ThrowIfInvalid();
        Authorisation.EnsureReader(caller, request.NetworkId);
        return await context.Store.RequireAsync(MembershipCollections.Organisations, request.NetworkId, request.OrganisationId, cancellationToken);
    }
}
