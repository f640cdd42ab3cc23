using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Groups;

/// <summary>Groups of a network, ordered by id, filtered by kind, state and scope, one page at a time.</summary>
public sealed class ListGroups(IDocumentStore store)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<Page<Group>> HandleAsync(ListGroupsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.EnsureNetwork(request.NetworkId);
        var query = GroupsCollections.Groups.Query().Page(PageSize(request.PageSize), NullIfEmpty(request.PageToken));
        if (request.Kind.ToDomain() is { } kind)
        {
            query = query.Where(g => g.Details.Kind, kind);
        }
        if (request.State.ToDomain() is { } state)
        {
            query = query.Where(g => g.State, state);
        }
        if (request.Scope.ToDomain() is { } scope)
        {
            query = query.Where(g => g.Details.Scope, scope);
        }
        return await store.QueryAsync(GroupsCollections.Groups, request.NetworkId, query, cancellationToken);
    }

    /// <summary>0 means the default; larger than the maximum is capped (AIP-158).</summary>
    public static int PageSize(int requested) => requested switch
    {
        < 0 => throw new InvalidFieldsException("page_size", $"Give a page size of 0 (default {DefaultPageSize}) to {MaxPageSize}."),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };

    public static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
