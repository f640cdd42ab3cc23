using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Participation;

/// <summary>Any caller of a network the request reached sees it, with its whole forwarding chain.</summary>
public static class GetParticipationRequest
{
    public static async Task<Versioned<ParticipationRequest>> HandleAsync(MembershipContext context, Caller caller, V1.GetParticipationRequestRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).Id("participation_request_id", request.ParticipationRequestId).ThrowIfInvalid();
        Authorisation.EnsureReader(caller, request.NetworkId);
        return await ParticipationRequests.LoadAsync(context.Store, request.NetworkId, request.ParticipationRequestId, cancellationToken);
    }
}
