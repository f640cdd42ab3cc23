using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Groups;

/// <summary>Stores a new group with its GroupProposed event; a repeated request_id returns the group made the first time.</summary>
public static class GroupCreation
{
    public static async Task<Versioned<Group>> CreateAsync(IDocumentStore store, Group group, string requestId, string proposedBy, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await store.BeginAsync(cancellationToken);
        var requestKey = $"group:{requestId}";
        if (requestId.Length > 0 && await unitOfWork.GetAsync(GroupsCollections.CreateRequests, group.NetworkId, requestKey, cancellationToken) is { } earlier)
        {
            return await unitOfWork.LoadAsync(GroupsCollections.Groups, group.NetworkId, earlier.Document.ResourceId, cancellationToken);
        }
        if (await unitOfWork.GetAsync(GroupsCollections.Groups, group.NetworkId, group.Id, cancellationToken) is not null)
        {
            throw new DuplicateResourceException("Group", group.Id, $"A group with id '{group.Id}' already exists; choose another id, or leave group_id empty to get a generated one.");
        }
        var version = await unitOfWork.InsertAsync(GroupsCollections.Groups, group.NetworkId, group, cancellationToken);
        if (requestId.Length > 0)
        {
            await unitOfWork.InsertAsync(GroupsCollections.CreateRequests, group.NetworkId, new CreateRequest(requestKey, group.Id), cancellationToken);
        }
        await unitOfWork.PublishAsync(new GroupProposed(Guid.NewGuid(), group.CreatedAt, group.NetworkId, group.Id, version,
            group.Id, group.Details.DisplayName, group.Details.Kind.ToString(), group.Details.Scope.ToString(), group.State.ToString(), proposedBy), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Group>(group, version);
    }
}
