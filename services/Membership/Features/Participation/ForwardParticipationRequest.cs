using NetworkPlatform.Events.Membership;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Participation;

/// <summary>The handling network's secretariat passes the request to a network it is a member of (e.g. national to international).</summary>
public static class ForwardParticipationRequest
{
    public static async Task<Versioned<ParticipationRequest>> HandleAsync(MembershipContext context, Caller caller, V1.ForwardParticipationRequestRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).Id("participation_request_id", request.ParticipationRequestId)
            .NetworkId("to_network_id", request.ToNetworkId).Etag("etag", request.Etag).MaxLength("note", request.Note, 2000).ThrowIfInvalid();
        Authorisation.EnsureSecretariat(caller, request.NetworkId);

        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var current = await ParticipationRequests.LoadAsync(unitOfWork, request.NetworkId, request.ParticipationRequestId, cancellationToken);
        ParticipationRequests.EnsureHandledBy(current.Document, request.NetworkId);
        var relation = await unitOfWork.GetAsync(MembershipCollections.NetworkRelations, request.NetworkId, NetworkRelation.RelationId(request.ToNetworkId, request.NetworkId), cancellationToken);
        if (relation is null)
        {
            throw RpcErrors.FailedPrecondition("NOT_A_PARENT_NETWORK", $"networks/{request.ToNetworkId}",
                $"'{request.NetworkId}' is not a member of '{request.ToNetworkId}'; forward only to a network listed as a parent by ListNetworkRelations.");
        }
        var expected = current.ExpectedVersion(MembershipCollections.ParticipationRequests, request.Etag);
        var now = context.Now;
        var forwarded = current.Document.Forward(request.ToNetworkId, caller.Subject, now, request.Note.Trim());
        var version = await unitOfWork.ReplaceAsync(MembershipCollections.ParticipationRequests, forwarded.OriginNetworkId, forwarded, expected, cancellationToken);
        await unitOfWork.InsertAsync(MembershipCollections.ParticipationRequestLinks, request.ToNetworkId, new ParticipationRequestLink(forwarded.Id, forwarded.OriginNetworkId, now), cancellationToken);
        await unitOfWork.PublishAsync(new ParticipationForwarded(Guid.NewGuid(), now, request.NetworkId, forwarded.Id, version,
            forwarded.Id, forwarded.OriginNetworkId, request.NetworkId, request.ToNetworkId, caller.Subject), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<ParticipationRequest>(forwarded, version);
    }
}
