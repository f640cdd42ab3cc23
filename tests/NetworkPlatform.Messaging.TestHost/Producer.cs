using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.TestHost;

/// <summary>A service's write side in miniature: each change commits one event through the outbox.</summary>
public static class Producer
{
    public const string NetworkId = "network-1";

    public static MemberJoined Event(string aggregateId, long version, string personName = "Ada") =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, NetworkId, aggregateId, version, personName, MemberRole.Representative);

    public static async Task CommitAsync(IDocumentStore store, MemberJoined domainEvent, CancellationToken cancellationToken = default)
    {
        await using var unitOfWork = await store.BeginAsync(cancellationToken);
        await unitOfWork.PublishAsync(domainEvent, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
    }
}
