using NetworkPlatform.Application.Changes;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features;

/// <summary>What the membership use cases share: the service's own database, the one way to write to it, and the clock.</summary>
public sealed class MembershipContext(IDocumentStore store, TimeProvider clock)
{
    public IDocumentStore Store { get; } = store;

    public Writes Writes { get; } = new(store, new IdempotencyKeys(clock));

    public TimeProvider Clock { get; } = clock;

    public DateTimeOffset Now => Clock.GetUtcNow();
}
