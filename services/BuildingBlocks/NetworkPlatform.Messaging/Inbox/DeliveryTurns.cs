namespace NetworkPlatform.Messaging.Inbox;

/// <summary>
/// Puts the deliveries of one RabbitMQ channel back in queue order: the channel numbers them 1, 2, 3, ... (delivery
/// tags), and a delivery gets its turn only after every lower tag has had its turn. A delivery whose predecessor never
/// comes (MassTransit stops dispatching once the channel shuts down) is never let ahead of it: when the channel closes,
/// every delivery still waiting, and every one that arrives later, is refused with <see cref="DeliveryRefusedException"/>
/// (the broker puts all unacknowledged deliveries of a closed channel back in the queue, in order). A predecessor
/// missing for <paramref name="missingPredecessorLimit"/> while the channel is open should not happen; the waiting
/// delivery then asks for the channel to be closed (<paramref name="closeChannel"/>), which returns everything in order.
/// </summary>
internal sealed class DeliveryTurns(TimeSpan missingPredecessorLimit, Func<Task> closeChannel)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, TaskCompletionSource> _waiting = [];
    private ulong _admitted;
    private string? _closedBecause;

    /// <summary>
    /// Completes when every lower tag was admitted; throws <see cref="DeliveryRefusedException"/> once the channel closed.
    /// </summary>
    public async Task WaitForTurnAsync(ulong deliveryTag, CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        lock (_gate)
        {
            ThrowIfClosed(deliveryTag);
            if (deliveryTag <= _admitted + 1)
            {
                return;
            }
            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[deliveryTag] = turn;
        }
        try
        {
            await turn.Task.WaitAsync(missingPredecessorLimit, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Refuse everything of this channel first, so that nothing waits on it while (or if) closing it fails.
            string reason;
            lock (_gate)
            {
                Close($"delivery {_admitted + 1} did not reach the consumer within {missingPredecessorLimit.TotalSeconds:F0} s; "
                    + "the channel was closed");
                reason = _closedBecause!;
            }
            try
            {
                await closeChannel();
            }
            catch (Exception closeFailure)
            {
                // Still refused: the delivery stays unacked, and the broker returns it when the connection goes.
                throw new DeliveryRefusedException(deliveryTag, $"{reason}, or tried to be: {closeFailure.Message}", closeFailure);
            }
            throw new DeliveryRefusedException(deliveryTag, reason);
        }
        finally
        {
            lock (_gate)
            {
                _waiting.Remove(deliveryTag);
            }
        }
    }

    /// <summary>The delivery took its turn (and its place on its aggregate's lane): the next tag may go.</summary>
    public void Admit(ulong deliveryTag)
    {
        lock (_gate)
        {
            _admitted = Math.Max(_admitted, deliveryTag);
            if (_waiting.Remove(_admitted + 1, out var next))
            {
                next.TrySetResult();
            }
        }
    }

    /// <summary>The channel is gone: nothing of it is handled any more.</summary>
    public void Close(string reason)
    {
        lock (_gate)
        {
            _closedBecause ??= reason;
            foreach (var (tag, waiting) in _waiting)
            {
                waiting.TrySetException(new DeliveryRefusedException(tag, _closedBecause));
            }
            _waiting.Clear();
        }
    }

    public void ThrowIfClosed(ulong deliveryTag)
    {
        lock (_gate)
        {
            if (_closedBecause is not null)
            {
                throw new DeliveryRefusedException(deliveryTag, _closedBecause);
            }
        }
    }
}

/// <summary>A delivery left unhandled so that it cannot overtake an earlier one; the broker delivers it again.</summary>
public sealed class DeliveryRefusedException(ulong deliveryTag, string reason, Exception? innerException = null)
    : Exception($"Delivery {deliveryTag} was not handled, so that it cannot overtake an earlier delivery ({reason}); "
        + "RabbitMQ delivers it again in queue order.", innerException);
