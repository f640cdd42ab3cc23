using System.Net;

namespace NetworkPlatform.Grpc.Client.Balancing;

/// <summary>
/// Round-robins calls over the resolved addresses of a target, one HTTP/2 connection pool per address.
/// A name target is resolved at start, every ResolveInterval, and after connection failures; addresses
/// that disappear are retired without cutting the calls they carry.
/// </summary>
internal sealed class SubchannelPool : IDisposable
{
    private readonly Func<CancellationToken, Task<IReadOnlyList<IPEndPoint>>>? resolve;
    private readonly Func<IPEndPoint?, Subchannel> createSubchannel;
    private readonly GrpcChannelOptions options;
    private readonly string target;
    private readonly CancellationTokenSource disposing = new();
    private readonly Lock gate = new();
    private readonly Timer? refresh;
    private volatile Subchannel[] subchannels = [];
    private Task resolution = Task.CompletedTask;
    private long lastResolutionTicks = long.MinValue / 2;
    private Exception? lastResolveError;
    private uint next;

    /// <summary>A single subchannel whose HTTP handler connects to the target's host itself.</summary>
    public SubchannelPool(string target, Func<IPEndPoint?, Subchannel> createSubchannel, GrpcChannelOptions options)
    {
        this.target = target;
        this.createSubchannel = createSubchannel;
        this.options = options;
        subchannels = [createSubchannel(null)];
    }

    /// <summary>Subchannels per resolved address, resolved now and again periodically.</summary>
    public SubchannelPool(string target, Func<CancellationToken, Task<IReadOnlyList<IPEndPoint>>> resolve, Func<IPEndPoint?, Subchannel> createSubchannel, GrpcChannelOptions options)
    {
        this.target = target;
        this.resolve = resolve;
        this.createSubchannel = createSubchannel;
        this.options = options;
        RequestResolution();
        refresh = new Timer(static state => ((SubchannelPool)state!).RequestResolution(force: true), this, options.ResolveInterval, options.ResolveInterval);
    }

    /// <summary>The endpoints currently balanced over (for diagnostics and tests).</summary>
    public IReadOnlyList<IPEndPoint?> Endpoints => subchannels.Select(s => s.Endpoint).ToArray();

    public ValueTask<Subchannel> PickAsync(CancellationToken cancellationToken)
    {
        var current = subchannels;
        return current.Length > 0 ? new ValueTask<Subchannel>(PickFrom(current)) : WaitAndPickAsync(cancellationToken);
    }

    /// <summary>A connection to this subchannel failed: skip it for a while and look the name up again.</summary>
    public void ReportConnectionFailure(Subchannel subchannel)
    {
        subchannel.MarkFailed(options.FailedAddressBackoff);
        RequestResolution();
    }

    public void Dispose()
    {
        disposing.Cancel();
        refresh?.Dispose();
        foreach (var subchannel in subchannels)
        {
            subchannel.DisposeOnce();
        }
        subchannels = [];
    }

    private Subchannel PickFrom(Subchannel[] current)
    {
        var start = Interlocked.Increment(ref next);
        for (var i = 0u; i < current.Length; i++)
        {
            var candidate = current[(start + i) % current.Length];
            if (!candidate.InBackoff)
            {
                return candidate;
            }
        }
        // Every address failed recently: try one anyway rather than fail without trying.
        return current[start % current.Length];
    }

    private async ValueTask<Subchannel> WaitAndPickAsync(CancellationToken cancellationToken)
    {
        await RequestResolution().WaitAsync(cancellationToken).ConfigureAwait(false);
        var current = subchannels;
        if (current.Length == 0)
        {
            var reason = lastResolveError is null ? "it resolved to no addresses" : lastResolveError.Message;
            throw new RpcException(StatusCode.Unavailable, $"Name resolution of '{target}' failed: {reason}. Check the name and that the service has ready endpoints.");
        }
        return PickFrom(current);
    }

    private Task RequestResolution(bool force = false)
    {
        if (resolve is null)
        {
            return Task.CompletedTask;
        }
        lock (gate)
        {
            var sinceLast = TimeSpan.FromMilliseconds(Environment.TickCount64 - lastResolutionTicks);
            var tooSoon = !force && subchannels.Length > 0 && sinceLast < options.MinResolveInterval;
            if (!resolution.IsCompleted || tooSoon || disposing.IsCancellationRequested)
            {
                return resolution;
            }
            lastResolutionTicks = Environment.TickCount64;
            resolution = ResolveAsync();
            return resolution;
        }
    }

    private async Task ResolveAsync()
    {
        try
        {
            var endpoints = await resolve!(disposing.Token).ConfigureAwait(false);
            lastResolveError = null;
            Update(endpoints);
        }
        catch (Exception e) when (e is not OperationCanceledException || !disposing.IsCancellationRequested)
        {
            // Keep the addresses we have: a failed lookup must not take down calls to healthy backends.
            lastResolveError = e;
        }
        catch (OperationCanceledException)
        {
            // Disposed while resolving.
        }
    }

    private void Update(IReadOnlyList<IPEndPoint> endpoints)
    {
        lock (gate)
        {
            if (disposing.IsCancellationRequested)
            {
                return;
            }
            var existing = subchannels.ToDictionary(s => s.Endpoint!);
            var updated = endpoints.Distinct().Select(e => existing.Remove(e, out var kept) ? kept : createSubchannel(e)).ToArray();
            subchannels = updated;
            foreach (var gone in existing.Values)
            {
                gone.Retire();
            }
        }
    }
}
