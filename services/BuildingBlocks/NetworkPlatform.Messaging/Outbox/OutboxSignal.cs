namespace NetworkPlatform.Messaging.Outbox;

/// <summary>
/// Wakes the relays of this process when an event is enqueued, so they do not wait for their poll interval.
/// The enqueue happens before the commit: a relay that wakes too early finds nothing yet and looks again after
/// 1, 2, 4, ... ms, which finds the row right after the commit.
/// </summary>
public static class OutboxSignal
{
    private static TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public static Task Next => Volatile.Read(ref _next).Task;

    public static void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
