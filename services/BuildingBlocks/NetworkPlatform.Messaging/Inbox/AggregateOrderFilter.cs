using MassTransit;
using NetworkPlatform.Messaging.Outbox;

namespace NetworkPlatform.Messaging.Inbox;

/// <summary>
/// Lets a RabbitMQ consumer endpoint handle several messages at once while the messages of one aggregate are handled
/// one at a time, in queue order. RabbitMQ.Client hands deliveries to concurrent workers, which can reach the pipe out
/// of order; the delivery tags number them in queue order (per channel, from 1). So each message first waits for its
/// turn by tag, then queues (first in, first out) on the lane of its aggregate (the relay's NP-Aggregate header) and is
/// handled, retried and acked or moved to the error queue while it holds that lane. This is the first filter of the
/// receive pipe: retries, the error queue and the inbox all run inside the lane.
/// </summary>
internal sealed class AggregateOrderFilter(int lanes) : IFilter<ReceiveContext>
{
    /// <summary>A predecessor that never reaches the pipe (its channel closed mid-delivery) must not stall the rest.</summary>
    private static readonly TimeSpan MissingPredecessorWait = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim[] _lanes = [.. Enumerable.Range(0, lanes).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly Lock _turns = new();
    private readonly Dictionary<ulong, TaskCompletionSource> _waiting = [];
    private readonly HashSet<string> _pastConsumers = [];
    private string? _consumerTag;
    private ulong _admitted;

    public async Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        var lane = _lanes[LaneOf(context)];
        Task laneTaken;
        if (context.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery))
        {
            await WaitForTurnAsync(delivery.ConsumerTag, delivery.DeliveryTag, context.CancellationToken);
            laneTaken = lane.WaitAsync(context.CancellationToken); // Queued now, so lanes fill in delivery order.
            Admit(delivery.ConsumerTag, delivery.DeliveryTag);
        }
        else
        {
            laneTaken = lane.WaitAsync(context.CancellationToken);
        }
        await laneTaken;
        try
        {
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

    private async Task WaitForTurnAsync(string consumerTag, ulong deliveryTag, CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        lock (_turns)
        {
            if (consumerTag != _consumerTag)
            {
                if (_pastConsumers.Contains(consumerTag))
                {
                    return; // A straggler of a closed channel: its ack fails and the broker redelivers it anyway.
                }
                // A new channel (first start, or after a reconnect) numbers its deliveries from 1.
                if (_consumerTag is not null)
                {
                    _pastConsumers.Add(_consumerTag);
                }
                _consumerTag = consumerTag;
                _admitted = 0;
                ReleaseAllWaiting();
            }
            if (deliveryTag <= _admitted + 1)
            {
                return;
            }
            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[deliveryTag] = turn;
        }
        try
        {
            await turn.Task.WaitAsync(MissingPredecessorWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Go ahead of the missing one.
        }
        finally
        {
            lock (_turns)
            {
                _waiting.Remove(deliveryTag);
            }
        }
    }

    private void Admit(string consumerTag, ulong deliveryTag)
    {
        lock (_turns)
        {
            if (consumerTag != _consumerTag)
            {
                return;
            }
            _admitted = Math.Max(_admitted, deliveryTag);
            if (_waiting.Remove(_admitted + 1, out var next))
            {
                next.TrySetResult();
            }
        }
    }

    private void ReleaseAllWaiting()
    {
        foreach (var waiting in _waiting.Values)
        {
            waiting.TrySetResult();
        }
        _waiting.Clear();
    }
}
