using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Participation;

public sealed record ForwardParticipationRequestCommand(string NetworkId, string ParticipationRequestId, string ToNetworkId, string Etag,
    string Note) : INetworkRequest;

/// <summary>The handling network's secretariat passes the request to a network it is a member of (e.g. national to
/// international).</summary>
public sealed class ForwardParticipationRequest(MembershipContext context)
    : IUseCase<ForwardParticipationRequestCommand, Versioned<ParticipationRequest>>
{
    public void Authorize(ForwardParticipationRequestCommand command, Caller caller) => Authorisation.EnsureSecretariat(caller);

    public void Validate(ForwardParticipationRequestCommand command, Violations violations) => violations
        .Id("participation_request_id", command.ParticipationRequestId)
        .NetworkId("to_network_id", command.ToNetworkId)
        .Etag("etag", command.Etag)
        .Text("note", command.Note, MembershipRules.MaxReasonLength);

    public Task<Versioned<ParticipationRequest>> HandleAsync(ForwardParticipationRequestCommand command, Caller caller,
        CancellationToken cancellationToken) =>
        context.Writes.InUnitAsync(async unit =>
        {
            var (networkId, to, requests) = (command.NetworkId, command.ToNetworkId, MembershipResources.ParticipationRequests);
            var current = await ParticipationRequests.LoadForUpdateAsync(unit, networkId, command.ParticipationRequestId,
                cancellationToken);
            ParticipationRequests.EnsureHandledBy(current.Document, networkId);
            if (await unit.GetAsync(MembershipCollections.NetworkRelations, networkId, NetworkRelation.RelationId(to, networkId),
                cancellationToken) is null)
            {
                throw new RuleViolationException("NOT_A_PARENT_NETWORK", $"networks/{to}",
                    $"'{networkId}' is not a member of '{to}'; forward only to a network listed as a parent by ListNetworkRelations.");
            }
            var origin = current.Document.OriginNetworkId;
            var expected = current.ExpectedVersion(requests, origin, current.Document.Id, command.Etag);
            var now = context.Now;
            var forwarded = current.Document.Forward(to, caller.Subject, now, command.Note.Trim());
            var stored = await unit.ReplaceAsync(requests, origin, Change<ParticipationRequest>.With(forwarded, version =>
                new ParticipationForwarded(Guid.NewGuid(), now, networkId, forwarded.Id, version, forwarded.Id, origin, networkId, to,
                    caller.Subject)),
                expected, cancellationToken);
            await unit.InsertAsync(MembershipCollections.ParticipationRequestLinks, to,
                new ParticipationRequestLink(forwarded.Id, origin, now),
                cancellationToken);
            return stored;
        }, cancellationToken);
}
