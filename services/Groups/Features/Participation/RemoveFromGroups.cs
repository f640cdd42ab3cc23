using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Participation;

/// <summary>
/// Someone no longer represents a member (appointment withdrawn, membership ended): they leave every group of the
/// network, inside the caller's unit of work (the event consumer's, so the inbox record commits with it). A leader or
/// budget responsible who leaves this way leaves the group flagged as missing that role.
/// </summary>
public sealed class RemoveFromGroups(IDocumentStore store, TimeProvider clock)
{
    /// <returns>The ids of the groups that changed.</returns>
    public async Task<IReadOnlyList<string>> HandleAsync(string networkId, Func<Group, DateTimeOffset, Group?> remove, string reason, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var changedIds = new List<string>();
        // A network has tens of groups: reading them all is cheaper than keeping a per-person index in step.
        foreach (var candidate in await store.ReadAllAsync(GroupsCollections.Groups, networkId, GroupsCollections.Groups.Query(),
            cancellationToken))
        {
            if (remove(candidate, at) is null)
            {
                continue;
            }
            var current = await unitOfWork.LoadAsync(GroupsCollections.Groups, networkId, candidate.Id, cancellationToken);
            if (remove(current.Document, at) is not { } changed)
            {
                continue;
            }
            var version = await unitOfWork.ReplaceAsync(GroupsCollections.Groups, networkId, changed, current.Version, cancellationToken);
            foreach (var domainEvent in Features.ParticipationEvents.Diff(current.Document, changed, reason, version, at))
            {
                await unitOfWork.PublishAsync(domainEvent, cancellationToken);
            }
            changedIds.Add(changed.Id);
        }
        return changedIds;
    }
}
