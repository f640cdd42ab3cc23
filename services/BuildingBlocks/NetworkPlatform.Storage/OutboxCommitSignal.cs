namespace NetworkPlatform.Storage;

/// <summary>
/// Wakes an outbox relay when a unit of work that wrote outbox rows has committed, so it need not wait for its poll.
/// Fired after the commit: a relay woken by it finds the rows.
/// </summary>
internal sealed class OutboxCommitSignal
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
