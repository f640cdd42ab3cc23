using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Groups;

/// <summary>Stores a new group with its GroupProposed event, once per request_id.</summary>
internal static class GroupCreation
{
    public static async Task<Versioned<Group>> CreateAsync<TCommand>(GroupsContext context, string operation, TCommand command,
        string networkId, string requestedId, string requestId, Caller caller, Func<string, Group> create,
            CancellationToken cancellationToken)
    {
        if (await CreateRequest.EarlierResultAsync(context.Store, networkId, "group", requestId, cancellationToken) is { } earlier)
        {
            return await context.Store.RequireAsync(GroupsResources.Groups, networkId, earlier, cancellationToken);
        }
        var id = GroupsRules.IdOrNew(requestedId, "grp");
        var key = IdempotencyKey.For(operation, caller, requestId, command);
        return await context.Writes.CreateAsync(GroupsResources.Groups, networkId, key, async unit =>
        {
            if (await unit.GetAsync(GroupsCollections.Groups, networkId, id, cancellationToken) is not null)
            {
                throw new AlreadyExistsException(GroupsResources.Groups.ApiType, GroupsResources.Groups.NameOf(networkId, id),
                    $"A group with id '{id}' already exists; choose another id, or leave group_id empty to get a generated one.");
            }
            var group = GroupsRules.Under("group.", () => create(id));
            return Change<Group>.With(group, version => new GroupProposed(Guid.NewGuid(), group.CreatedAt, group.NetworkId, group.Id,
                version,
                group.Id, group.Details.DisplayName, group.Details.Kind.ToString(), group.Details.Scope.ToString(), group.State.ToString(),
                caller.Subject));
        }, cancellationToken);
    }
}
