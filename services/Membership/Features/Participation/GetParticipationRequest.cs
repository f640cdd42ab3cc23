using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Participation;

public sealed record GetParticipationRequestQuery(string NetworkId, string ParticipationRequestId) : INetworkRequest;

/// <summary>Any caller of a network the request reached sees it, with its whole forwarding chain.</summary>
public sealed class GetParticipationRequest(MembershipContext context) : IUseCase<GetParticipationRequestQuery,
    Versioned<ParticipationRequest>>
{
    public void Authorize(GetParticipationRequestQuery query, Caller caller)
    {
    }

    public void Validate(GetParticipationRequestQuery query, Violations violations) =>
        violations.Id("participation_request_id", query.ParticipationRequestId);

    public Task<Versioned<ParticipationRequest>> HandleAsync(GetParticipationRequestQuery query, Caller caller,
        CancellationToken cancellationToken) =>
        ParticipationRequests.LoadAsync(context.Store, query.NetworkId, query.ParticipationRequestId, cancellationToken);
}
