using System.Threading.Channels;
using NetworkPlatform.Reporting.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// Fans events out to the live gRPC streams and the dashboard of this process, per network. Slow readers lose the oldest
/// events rather than slowing the bus. With several reporting replicas each sees the events its replica consumed.
/// </summary>
public sealed class LiveFeed
{
    private readonly Lock gate = new();
    private readonly List<Subscriber> subscribers = [];

    public void Publish(string networkId, LoggedEvent loggedEvent)
    {
        lock (gate)
        {
            foreach (var subscriber in subscribers.Where(s => s.NetworkId == networkId))
            {
                subscriber.Channel.Writer.TryWrite(loggedEvent);
            }
        }
    }

    /// <summary>Events of one network from now on, until the token is cancelled.</summary>
    public async IAsyncEnumerable<LoggedEvent> SubscribeAsync(string networkId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var subscriber = new Subscriber(networkId, Channel.CreateBounded<LoggedEvent>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest }));
        lock (gate)
        {
            subscribers.Add(subscriber);
        }
        try
        {
            await foreach (var loggedEvent in subscriber.Channel.Reader.ReadAllAsync(ct))
            {
                yield return loggedEvent;
            }
        }
        finally
        {
            lock (gate)
            {
                subscribers.Remove(subscriber);
            }
        }
    }

    private sealed record Subscriber(string NetworkId, Channel<LoggedEvent> Channel);
}
