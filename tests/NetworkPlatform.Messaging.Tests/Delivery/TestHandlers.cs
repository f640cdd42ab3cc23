using System.Collections.Concurrent;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Tests.Delivery;

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

/// <summary>Takes a random few milliseconds per event and counts how many run at once.</summary>
public sealed class JitteryProjection : AggregateLogProjection
{
    private static int inFlight;

    public static int MostAtOnce { get; private set; }

    public override async Task HandleAsync(MemberJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref inFlight);
        MostAtOnce = Math.Max(MostAtOnce, now);
        try
        {
            await Task.Delay(Random.Shared.Next(0, 6), cancellationToken);
            await base.HandleAsync(domainEvent, unitOfWork, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
