using NetworkPlatform.Application.Changes;
using NetworkPlatform.Groups.Features.Membership;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features;

/// <summary>
/// What the groups use cases share: the service's own database, the one way to write to it, the membership service,
/// and the clock.
/// </summary>
public sealed class GroupsContext(IDocumentStore store, IMembershipDirectory membership, TimeProvider clock, Writes? writes = null)
{
    public IDocumentStore Store { get; } = store;

    public Writes Writes { get; } = writes ?? new(store, new IdempotencyKeys(clock));

    public IMembershipDirectory Membership { get; } = membership;

    public TimeProvider Clock { get; } = clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The same context writing inside <paramref name="unit"/> (an event handler's), which its owner commits.</summary>
    public GroupsContext Within(IUnitOfWork unit) => new(Store, Membership, Clock, Writes.Within(unit));
}
