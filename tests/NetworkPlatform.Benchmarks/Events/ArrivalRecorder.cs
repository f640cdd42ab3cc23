namespace NetworkPlatform.Benchmarks.Events;

/// <summary>
/// Latencies of consumed events; waits until a given number arrived. The arrival that completes the count wakes the
/// waiter (no polling timer, which would wake the process a thousand times a second during every measurement).
/// </summary>
internal sealed class ArrivalRecorder
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private readonly List<double> _latencies = [];
    private int _expected = int.MaxValue;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Record(DateTimeOffset producedAt)
    {
        var latency = (DateTimeOffset.UtcNow - producedAt).TotalMilliseconds;
        lock (_gate)
        {
            _latencies.Add(latency);
            if (_latencies.Count >= _expected)
            {
                _arrived.TrySetResult();
            }
        }
    }

    /// <summary>Waits for <paramref name="count"/> arrivals since <see cref="Reset"/>, then returns their latencies.</summary>
    public async Task<List<double>> WaitForAsync(int count, CancellationToken cancellationToken)
    {
        Task arrived;
        lock (_gate)
        {
            _expected = count;
            if (_latencies.Count >= count)
            {
                _arrived.TrySetResult();
            }
            arrived = _arrived.Task;
        }
        try
        {
            await arrived.WaitAsync(Patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                throw new TimeoutException($"Only {_latencies.Count} of {count} events arrived within {Patience.TotalMinutes:F0} min: check the broker and the consumer's log.");
            }
        }
        lock (_gate)
        {
            return [.. _latencies];
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _latencies.Clear();
            _expected = int.MaxValue;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
