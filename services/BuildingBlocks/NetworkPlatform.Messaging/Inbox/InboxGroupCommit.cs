using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Inbox;

/// <summary>
/// Group commit for one handler's queue: the deliveries that wait while a transaction is running are handled together
/// in the next one, in delivery order, with one commit for all of them. At most two groups run at once (one commits
/// while the next gathers). Redeliveries are rare, so a group first runs all its handlers and marks its messages in the
/// inbox with the commit (one round trip fewer); only when that commit finds a message handled before does the group go
/// again, marking first and handling only the messages not handled before. When anything else in a group fails, the
/// whole transaction rolls back: the delivery whose handler threw fails (and is retried alone, then lands in the error
/// queue by itself) and the others are handled again, each alone. Deliveries of one aggregate never meet in flight
/// (<see cref="AggregateOrderFilter"/>), so groups keep each aggregate's order.
/// </summary>
internal sealed class InboxGroupCommit(IDocumentStore store, string consumerName, int maxGroupSize)
{
    private const int MaxGroupsInFlight = 2;

    private readonly Lock gate = new();
    private readonly Queue<Delivery> waiting = new();
    private int groupsInFlight;

    /// <summary>
    /// Completes once the message is handled (or found handled before) and committed: true. Fails with the handler's
    /// exception when its own handler threw (that was its attempt); false when something else failed its group, and the
    /// caller must handle it alone.
    /// </summary>
    public Task<bool> HandleAsync(Guid messageId, Func<IUnitOfWork, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        var delivery = new Delivery(messageId, handle, cancellationToken);
        bool startGroup;
        lock (gate)
        {
            waiting.Enqueue(delivery);
            startGroup = groupsInFlight < MaxGroupsInFlight;
            if (startGroup)
            {
                groupsInFlight++;
            }
        }
        if (startGroup)
        {
            _ = RunGroupsAsync();
        }
        return delivery.Handled.Task;
    }

    private async Task RunGroupsAsync()
    {
        while (TakeGroup() is { } group)
        {
            if (!await CommitAsync(group, optimistic: true))
            {
                await CommitAsync(group, optimistic: false);
            }
        }
    }

    private List<Delivery>? TakeGroup()
    {
        lock (gate)
        {
            if (waiting.Count == 0)
            {
                groupsInFlight--;
                return null;
            }
            var group = new List<Delivery>(Math.Min(waiting.Count, maxGroupSize));
            while (group.Count < maxGroupSize && waiting.TryDequeue(out var delivery))
            {
                group.Add(delivery);
            }
            return group;
        }
    }

    /// <summary>False when the optimistic commit found a message handled before (nothing was kept): go carefully.</summary>
    private async Task<bool> CommitAsync(List<Delivery> group, bool optimistic)
    {
        Delivery? failing = null;
        try
        {
            // The deliveries of one queue share the bus's stopping token.
            var cancellationToken = group[0].CancellationToken;
            await using var unitOfWork = await store.BeginAsync(cancellationToken);
            var unhandled = group.Select(d => d.MessageId).ToHashSet();
            if (optimistic)
            {
                await unitOfWork.MarkHandledAtCommitAsync(consumerName, unhandled, cancellationToken);
            }
            else
            {
                var marked = await unitOfWork.MarkHandledAsync(consumerName, unhandled, cancellationToken);
                if (marked.Count < unhandled.Count)
                {
                    MessagingMetrics.Duplicates.Add(unhandled.Count - marked.Count, MessagingMetrics.Destination(consumerName));
                }
                unhandled = [.. marked];
            }
            foreach (var delivery in group)
            {
                // Handled before (a redelivery, a second publish after a relay crash) or listed twice: nothing to do.
                if (unhandled.Remove(delivery.MessageId))
                {
                    failing = delivery;
                    await delivery.Handle(unitOfWork, delivery.CancellationToken);
                    failing = null;
                }
            }
            await unitOfWork.CommitAsync(cancellationToken);
        }
        catch (MessageAlreadyHandledException) when (optimistic)
        {
            return false;
        }
        catch (Exception exception)
        {
            // The delivery whose handler threw has had its attempt; the others go again alone.
            foreach (var delivery in group)
            {
                if (delivery == failing || group.Count == 1)
                {
                    delivery.Handled.TrySetException(exception);
                }
                else
                {
                    delivery.Handled.TrySetResult(false);
                }
            }
            return true;
        }
        group.ForEach(delivery => delivery.Handled.TrySetResult(true));
        return true;
    }

    private sealed record Delivery(Guid MessageId, Func<IUnitOfWork, CancellationToken, Task> Handle, CancellationToken CancellationToken)
    {
        /// <summary>
        /// Completed without a lock held, so its continuation (the delivery's ack, often the dispatcher's next delivery)
        /// runs on the committing thread, up to its next wait: queued instead, each delivery cost one more thread-pool
        /// hand-over (measured: about 1 of 11 work items per event, 5-10 % throughput in the events benchmark).
        /// </summary>
        public TaskCompletionSource<bool> Handled { get; } = new();
    }
}
