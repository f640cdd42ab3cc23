using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Storage;

namespace NetworkPlatform.Membership.Features.Representatives;

public sealed record GetRepresentativeQuery(string NetworkId, string RepresentativeId) : INetworkRequest;

/// <summary>Any caller of the network reads an appointment, with its person's name.</summary>
public sealed class GetRepresentative(MembershipContext context) : IUseCase<GetRepresentativeQuery, RepresentativeView>
{
    public void Authorize(GetRepresentativeQuery query, Caller caller)
    {
    }

    public void Validate(GetRepresentativeQuery query, Violations violations) => violations.Id("representative_id", query.RepresentativeId);

    public async Task<RepresentativeView> HandleAsync(GetRepresentativeQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var appointment = await context.Store.RequireAsync(MembershipResources.Representatives, query.NetworkId, query.RepresentativeId,
            cancellationToken);
        return await RepresentativeRules.ViewAsync(context, appointment, cancellationToken);
    }
}
