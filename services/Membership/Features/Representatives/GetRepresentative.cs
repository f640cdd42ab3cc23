using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Representatives;

public static class GetRepresentative
{
    public static async Task<RepresentativeView> HandleAsync(MembershipContext context, Caller caller, V1.GetRepresentativeRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).Id("representative_id", request.RepresentativeId).ThrowIfInvalid();
        Authorisation.EnsureReader(caller, request.NetworkId);
        var appointment = await context.Store.RequireAsync(MembershipCollections.Appointments, request.NetworkId, request.RepresentativeId, cancellationToken);
        return await RepresentativeView.LoadAsync(context, appointment, cancellationToken);
    }
}
