using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

public sealed record ListMembershipHistoryQuery(string NetworkId, string OrganisationId) : INetworkRequest;

/// <summary>Every step of an organisation's membership, oldest first, with who decided, when and why; any caller of the network.</summary>
public sealed class ListMembershipHistory(MembershipContext context) : IUseCase<ListMembershipHistoryQuery, IReadOnlyList<MembershipStep>>
{
    public void Authorize(ListMembershipHistoryQuery query, Caller caller)
    {
    }

    public void Validate(ListMembershipHistoryQuery query, Violations violations) => violations.Id("organisation_id", query.OrganisationId);

    public async Task<IReadOnlyList<MembershipStep>> HandleAsync(ListMembershipHistoryQuery query, Caller caller,
        CancellationToken cancellationToken)
    {
        var organisation = await context.Store.RequireAsync(MembershipResources.Organisations, query.NetworkId, query.OrganisationId,
            cancellationToken);
        return organisation.Document.Membership.History;
    }
}
