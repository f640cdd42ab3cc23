using NetworkPlatform.Events.Membership;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Participation;

/// <summary>The handling network's secretariat answers: approve (only the group's own network) or decline (any handler).</summary>
public static class AnswerParticipationRequest
{
    public static async Task<Versioned<ParticipationRequest>> HandleAsync(MembershipContext context, Caller caller, V1.AnswerParticipationRequestRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).Id("participation_request_id", request.ParticipationRequestId)
            .Etag("etag", request.Etag).MaxLength("note", request.Note, 2000);
        var approve = validation.Enum("answer", request.Answer, a => a switch
        {
            V1.ParticipationAnswer.Approved => true,
            V1.ParticipationAnswer.Declined => (bool?)false,
            _ => null,
        });
        validation.ThrowIfInvalid();
        Authorisation.EnsureSecretariat(caller, request.NetworkId);

        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var current = await ParticipationRequests.LoadAsync(unitOfWork, request.NetworkId, request.ParticipationRequestId, cancellationToken);
        ParticipationRequests.EnsureHandledBy(current.Document, request.NetworkId);
        var expected = current.ExpectedVersion(MembershipCollections.ParticipationRequests, request.Etag);
        var now = context.Now;
        var answered = approve == true
            ? current.Document.Approve(caller.Subject, now, request.Note.Trim())
            : current.Document.Decline(caller.Subject, now, request.Note.Trim());
        var version = await unitOfWork.ReplaceAsync(MembershipCollections.ParticipationRequests, answered.OriginNetworkId, answered, expected, cancellationToken);
        await unitOfWork.PublishAsync(new ParticipationAnswered(Guid.NewGuid(), now, request.NetworkId, answered.Id, version,
            answered.Id, answered.OriginNetworkId, answered.OrganisationId, answered.PersonId, ProtoMapping.EventName(answered.Kind), answered.GroupId,
            answered.ProposedGroupName, answered.GroupNetworkId, ProtoMapping.EventName(answered.State), caller.Subject), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<ParticipationRequest>(answered, version);
    }
}
