using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <param name="Kind">Only organisations of this kind; null for every kind.</param>
/// <param name="MembershipState">Only organisations in this state; null for every state.</param>
public sealed record ListOrganisationsQuery(string NetworkId, Choice<OrganisationKind>? Kind, Choice<MembershipState>? MembershipState,
    int PageSize,
    string PageToken) : INetworkRequest;

/// <summary>Ordered by id; optional filters on kind and membership state; any caller of the network.</summary>
public sealed class ListOrganisations(MembershipContext context) : IUseCase<ListOrganisationsQuery, Page<Organisation>>
{
    public void Authorize(ListOrganisationsQuery query, Caller caller)
    {
    }

    public void Validate(ListOrganisationsQuery query, Violations violations)
    {
        if (query.Kind is { } kind)
        {
            violations.Choice("kind", kind);
        }
        if (query.MembershipState is { } state)
        {
            violations.Choice("membership_state", state);
        }
        violations.PageSize("page_size", query.PageSize);
    }

    public Task<Page<Organisation>> HandleAsync(ListOrganisationsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var organisations = MembershipCollections.Organisations.Query().Page(Paging.Size(query.PageSize), Paging.Token(query.PageToken));
        if (query.Kind?.Value is { } kind)
        {
            organisations = organisations.Where(o => o.Kind, kind);
        }
        if (query.MembershipState?.Value is { } state)
        {
            organisations = organisations.Where(o => o.Membership.State, state);
        }
        return context.Store.QueryAsync(MembershipCollections.Organisations, query.NetworkId, organisations, cancellationToken);
    }
}
