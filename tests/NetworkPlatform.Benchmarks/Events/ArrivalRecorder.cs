using System.Collections.Concurrent;

namespace NetworkPlatform.Benchmarks.Events;

/// <summary>Latencies of consumed events; waits until a given number arrived.</summary>
internal sealed class ArrivalRecorder
{
    private readonly ConcurrentQueue<double> _latencies = new();
    private int _count;

    public void Record(DateTimeOffset producedAt)
    {
        _latencies.Enqueue((DateTimeOffset.UtcNow - producedAt).TotalMilliseconds);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Waits for <paramref name="count"/> more arrivals than at <see cref="Reset"/>, then returns their latencies.</summary>
    public async Task<List<double>> WaitForAsync(int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (Volatile.Read(ref _count) < count)
        {
            await Task.Delay(1, timeout.Token);
        }
        return [.. _latencies];
    }

    public void Reset()
    {
        _latencies.Clear();
        Interlocked.Exchange(ref _count, 0);
    }
}
