using System.Threading.Channels;
using NetworkPlatform.Reporting.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// Fans events out to the live gRPC streams and the dashboard of this process, per network. Every replica is fed every
/// event (by <see cref="LiveFeedListener"/> from its own temporary queue, and by <see cref="Features.ReportingContext"/>
/// for the commands it ran), so an event that reaches it twice is shown once. Slow readers lose the oldest events rather
/// than slowing the bus.
/// </summary>
public sealed class LiveFeed
{
    /// <summary>How many recent event ids are remembered to drop a second copy (the local one and the bus's, a redelivery).</summary>
    private const int RememberedEvents = 10_000;

    private readonly Lock gate = new();
    private readonly List<Subscription> subscribers = [];
    private readonly HashSet<Guid> recent = [];
    private readonly Queue<Guid> recentOrder = new();

    public void Publish(string networkId, LoggedEvent loggedEvent)
    {
        lock (gate)
        {
            if (!recent.Add(loggedEvent.EventId))
            {
                return;
            }
            recentOrder.Enqueue(loggedEvent.EventId);
            if (recentOrder.Count > RememberedEvents)
            {
                recent.Remove(recentOrder.Dequeue());
            }
            foreach (var subscriber in subscribers.Where(s => s.NetworkId == networkId))
            {
                subscriber.Writer.TryWrite(loggedEvent);
            }
        }
    }

    /// <summary>Events of one network from now on, until the subscription is disposed.</summary>
    public Subscription Subscribe(string networkId)
    {
        var subscription = new Subscription(this, networkId);
        lock (gate)
        {
            subscribers.Add(subscription);
        }
        return subscription;
    }

    public sealed class Subscription : IDisposable
    {
        private readonly LiveFeed feed;
        private readonly Channel<LoggedEvent> channel =
            Channel.CreateBounded<LoggedEvent>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });

        internal Subscription(LiveFeed feed, string networkId)
        {
            this.feed = feed;
            NetworkId = networkId;
        }

        public string NetworkId { get; }

        public ChannelReader<LoggedEvent> Reader => channel.Reader;

        internal ChannelWriter<LoggedEvent> Writer => channel.Writer;

        public void Dispose()
        {
            lock (feed.gate)
            {
                feed.subscribers.Remove(this);
            }
        }
    }
}
