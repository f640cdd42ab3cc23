using System.Net;

namespace NetworkPlatform.Grpc.Client.Balancing;

/// <summary>One backend address with its own HTTP/2 connection pool. Retired subchannels close once their last call ends.</summary>
internal sealed class Subchannel(IPEndPoint? endpoint, HttpMessageInvoker invoker)
{
    private int activeCalls;
    private int disposed;
    private volatile bool retired;
    private long failedUntilTicks;

    /// <summary>The address connected to, or null when the HTTP handler resolves the host itself (http:// targets).</summary>
    public IPEndPoint? Endpoint { get; } = endpoint;

    public HttpMessageInvoker Invoker { get; } = invoker;

    public bool InBackoff => Environment.TickCount64 < Volatile.Read(ref failedUntilTicks);

    public void Acquire() => Interlocked.Increment(ref activeCalls);

    public void Release()
    {
        if (Interlocked.Decrement(ref activeCalls) == 0 && retired)
        {
            DisposeOnce();
        }
    }

    public void MarkFailed(TimeSpan backoff) => Volatile.Write(ref failedUntilTicks, Environment.TickCount64 + (long)backoff.TotalMilliseconds);

    /// <summary>The address left the resolution: finish the calls in flight, then close.</summary>
    public void Retire()
    {
        retired = true;
        if (Volatile.Read(ref activeCalls) == 0)
        {
            DisposeOnce();
        }
    }

    public void DisposeOnce()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            Invoker.Dispose();
        }
    }

    public override string ToString() => Endpoint?.ToString() ?? "(host)";
}
