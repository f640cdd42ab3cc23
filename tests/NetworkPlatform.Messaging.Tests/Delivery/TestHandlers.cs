using System.Collections.Concurrent;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Tests.Delivery;

/// <summary>Fails every time on a member named "poison"; counts the attempts.</summary>
public sealed class PoisonRejectingProjection : AggregateLogProjection
{
    public static readonly ConcurrentDictionary<Guid, int> Attempts = new();

    public override Task HandleAsync(MemberJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (domainEvent.PersonName == "poison")
        {
            Attempts.AddOrUpdate(domainEvent.EventId, 1, (_, n) => n + 1);
            throw new InvalidOperationException($"Cannot project member {domainEvent.PersonName}.");
        }
        return base.HandleAsync(domainEvent, unitOfWork, cancellationToken);
    }
}

/// <summary>Fails the first attempt on a member named "flaky", after writing its effect (which must roll back).</summary>
public sealed class FlakyProjection : AggregateLogProjection
{
    private static readonly ConcurrentDictionary<Guid, bool> Failed = new();

    public override async Task HandleAsync(MemberJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        await base.HandleAsync(domainEvent, unitOfWork, cancellationToken);
        if (domainEvent.PersonName == "flaky" && Failed.TryAdd(domainEvent.EventId, true))
        {
            throw new TimeoutException("A transient failure.");
        }
    }
}
