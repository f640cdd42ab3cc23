using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Groups;

/// <param name="Kind">Only groups of this kind; null for all (and likewise State and Scope).</param>
public sealed record ListGroupsQuery(string NetworkId, GroupKind? Kind, GroupState? State, GroupScope? Scope, int PageSize,
    string PageToken)
    : INetworkRequest;

/// <summary>Groups of a network, ordered by id, filtered by kind, state and scope, one page at a time.</summary>
public sealed class ListGroups(GroupsContext context) : IUseCase<ListGroupsQuery, Page<Group>>
{
    public void Authorize(ListGroupsQuery query, Caller caller)
    {
    }

    public void Validate(ListGroupsQuery query, Violations violations) => violations.PageSize("page_size", query.PageSize);

    public Task<Page<Group>> HandleAsync(ListGroupsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var groups = GroupsCollections.Groups.Query().Page(Paging.Size(query.PageSize), Paging.Token(query.PageToken));
        if (query.Kind is { } kind)
        {
            groups = groups.Where(g => g.Details.Kind, kind);
        }
        if (query.State is { } state)
        {
            groups = groups.Where(g => g.State, state);
        }
        if (query.Scope is { } scope)
        {
            groups = groups.Where(g => g.Details.Scope, scope);
        }
        return context.Store.QueryAsync(GroupsCollections.Groups, query.NetworkId, groups, cancellationToken);
    }
}
