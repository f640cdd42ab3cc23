using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Participation;

public sealed record AnswerParticipationRequestCommand(string NetworkId, string ParticipationRequestId, Choice<ParticipationAnswer> Answer,
    string Etag, string Note) : INetworkRequest;

/// <summary>The handling network's secretariat answers: approve (only the group's own network) or decline (any handler).</summary>
public sealed class AnswerParticipationRequest(MembershipContext context)
    : IUseCase<AnswerParticipationRequestCommand, Versioned<ParticipationRequest>>
{
    public void Authorize(AnswerParticipationRequestCommand command, Caller caller) => Authorisation.EnsureSecretariat(caller);

    public void Validate(AnswerParticipationRequestCommand command, Violations violations) => violations
        .Id("participation_request_id", command.ParticipationRequestId)
        .Etag("etag", command.Etag)
        .Text("note", command.Note, MembershipRules.MaxReasonLength)
        .Choice("answer", command.Answer);

    public Task<Versioned<ParticipationRequest>> HandleAsync(AnswerParticipationRequestCommand command, Caller caller,
        CancellationToken cancellationToken) =>
        context.Writes.InUnitAsync(async unit =>
        {
            var (networkId, requests) = (command.NetworkId, MembershipResources.ParticipationRequests);
            var current = await ParticipationRequests.LoadForUpdateAsync(unit, networkId, command.ParticipationRequestId,
                cancellationToken);
            ParticipationRequests.EnsureHandledBy(current.Document, networkId);
            var origin = current.Document.OriginNetworkId;
            var expected = current.ExpectedVersion(requests, origin, current.Document.Id, command.Etag);
            var now = context.Now;
            var answered = current.Document.Answer(command.Answer.Value.GetValueOrDefault(), caller.Subject, now, command.Note.Trim());
            return await unit.ReplaceAsync(requests, origin, Change<ParticipationRequest>.With(answered, version =>
                new ParticipationAnswered(Guid.NewGuid(), now, networkId, answered.Id, version, answered.Id, origin,
                    answered.OrganisationId,
                    answered.PersonId, answered.Kind.ToString(), answered.GroupId, answered.ProposedGroupName, answered.GroupNetworkId,
                    answered.State.ToString(), caller.Subject)), expected, cancellationToken);
        }, cancellationToken);
}
