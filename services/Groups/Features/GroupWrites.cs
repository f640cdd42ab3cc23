using NetworkPlatform.Events;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features;

/// <summary>A changed group and the events that say so (built once the new version is known).</summary>
public sealed record GroupChange(Group Group, Func<long, IEnumerable<IDomainEvent>> Events);

public static class GroupWrites
{
    /// <summary>Load, change, store with optimistic concurrency and publish the events: one transaction.</summary>
    public static async Task<Versioned<Group>> ChangeGroupAsync(this IDocumentStore store, string networkId, string groupId, string etag,
        Func<Group, GroupChange> change, CancellationToken cancellationToken) =>
        await store.ChangeAsync(GroupsCollections.Groups, networkId, groupId, etag, group =>
        {
            var result = change(group);
            return (result.Group, result.Events);
        }, cancellationToken);

    public static async Task<Versioned<T>> ChangeAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, string networkId, string id, string etag,
        Func<T, (T Changed, Func<long, IEnumerable<IDomainEvent>> Events)> change, CancellationToken cancellationToken)
        where T : class
    {
        await using var unitOfWork = await store.BeginAsync(cancellationToken);
        var current = await unitOfWork.LoadAsync(collection, networkId, id, cancellationToken);
        var expected = current.ExpectedVersion(etag, $"{collection.Name}/{id}");
        var (changed, events) = change(current.Document);
        var version = await unitOfWork.ReplaceAsync(collection, networkId, changed, expected, cancellationToken);
        foreach (var domainEvent in events(version))
        {
            await unitOfWork.PublishAsync(domainEvent, cancellationToken);
        }
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<T>(changed, version);
    }

    /// <summary>Checks the ids every group request carries; the network must be the caller's.</summary>
    public static void RequireIds(string networkId, string groupId)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(networkId))
        {
            errors.Add(new("network_id", "Name the network (tenant) the group belongs to."));
        }
        if (string.IsNullOrWhiteSpace(groupId))
        {
            errors.Add(new("group_id", "Name the group; list the groups to find its id."));
        }
        InvalidFieldsException.ThrowIfAny(errors);
    }
}
