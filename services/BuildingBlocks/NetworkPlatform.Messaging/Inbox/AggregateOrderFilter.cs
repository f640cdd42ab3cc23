using System.Runtime.CompilerServices;
using MassTransit;
using MassTransit.RabbitMqTransport;
using NetworkPlatform.Messaging.Outbox;
using RabbitMQ.Client;

namespace NetworkPlatform.Messaging.Inbox;

/// <summary>
/// Lets a RabbitMQ consumer endpoint handle several messages at once while the messages of one aggregate are handled
/// one at a time, in queue order. RabbitMQ.Client hands deliveries to concurrent workers, which can reach the pipe out
/// of order; so each message first waits for its turn by delivery tag (<see cref="DeliveryTurns"/>), then queues (first
/// in, first out) on the lane of its aggregate (the relay's NP-Aggregate header) and is handled, retried and acked or
/// moved to the error queue while it holds that lane. A delivery of a channel that closed is not handled at all: the
/// broker delivers it again, in order. This is the first filter of the receive pipe: retries, the error queue and the
/// inbox all run inside the lane.
/// </summary>
internal sealed class AggregateOrderFilter(int lanes) : IFilter<ReceiveContext>
{
    private static readonly TimeSpan MissingPredecessorLimit = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim[] _lanes = [.. Enumerable.Range(0, lanes).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly Lock _channels = new();
    private readonly ConditionalWeakTable<IChannel, DeliveryTurns> _turnsByChannel = [];
    private DeliveryTurns? _newest;

    public async Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        var lane = _lanes[LaneOf(context)];
        DeliveryTurns? turns = null;
        ulong deliveryTag = 0;
        if (context.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery))
        {
            var channel = context.TryGetPayload<ChannelContext>(out var channelContext)
                ? channelContext.Channel
                : throw new InvalidOperationException("A RabbitMQ delivery reached the pipe without its channel; "
                    + "MassTransit's receive context changed: check AggregateOrderFilter.");
            (turns, deliveryTag) = (TurnsOf(channel), delivery.DeliveryTag);
            await turns.WaitForTurnAsync(deliveryTag, context.CancellationToken);
        }
        var laneTaken = lane.WaitAsync(context.CancellationToken); // Queued now, so lanes fill in delivery order.
        turns?.Admit(deliveryTag);
        await laneTaken;
        try
        {
            // An earlier delivery of this lane checked before this one does, so none was refused while this one is handled.
            turns?.ThrowIfClosed(deliveryTag);
            await next.Send(context);
        }
        finally
        {
            lane.Release();
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("aggregateOrder");

    private int LaneOf(ReceiveContext context)
    {
        // Messages without the header (not from the relay) share lane 0: in order among themselves.
        var key = context.TransportHeaders.Get<string>(OutboxRelay.AggregateKeyHeader);
        return key is null ? 0 : (StringComparer.Ordinal.GetHashCode(key) & int.MaxValue) % _lanes.Length;
    }

    /// <summary>
    /// The turns of the delivery's channel. A new channel (first start, reconnect) ends the previous one's: MassTransit
    /// consumes again with the same consumer tag, so channels are told apart by the channel object, not the tag.
    /// </summary>
    private DeliveryTurns TurnsOf(IChannel channel)
    {
        lock (_channels)
        {
            if (_turnsByChannel.TryGetValue(channel, out var known))
            {
                return known;
            }
            _newest?.Close("its channel was replaced");
            var turns = new DeliveryTurns(MissingPredecessorLimit, () => channel.CloseAsync());
            channel.ChannelShutdownAsync += (_, shutdown) =>
            {
                turns.Close($"its channel closed: {shutdown.ReplyText}");
                return Task.CompletedTask;
            };
            if (channel.IsClosed)
            {
                turns.Close("its channel closed");
            }
            _turnsByChannel.Add(channel, turns);
            _newest = turns;
            return turns;
        }
    }
}
