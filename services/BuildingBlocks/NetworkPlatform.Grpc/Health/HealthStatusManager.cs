using System.Threading.Channels;
using Grpc.Health.V1;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NetworkPlatform.Grpc.Health;

/// <summary>
/// The serving status grpc.health.v1.Health reports, per service name ("" is the server as a whole, SERVING from the start).
/// Other code sets statuses here (for example SERVING once a service's database and bus are reachable). When the host starts
/// stopping, every status turns NOT_SERVING and stays so: load balancers and probes see the server draining.
/// </summary>
public sealed class HealthStatusManager : IDisposable
{
    public const string Server = "";

    private readonly Lock gate = new();
    private readonly Dictionary<string, ServingStatus> statuses = new(StringComparer.Ordinal) { [Server] = ServingStatus.Serving };
    private readonly Dictionary<string, List<Channel<ServingStatus>>> watchers = new(StringComparer.Ordinal);
    private readonly CancellationTokenRegistration stoppingRegistration;
    private bool draining;

    public HealthStatusManager(IHostApplicationLifetime lifetime)
    {
        stoppingRegistration = lifetime.ApplicationStopping.Register(EnterDrainingState);
    }

    public bool IsDraining
    {
        get
        {
            lock (gate)
            {
                return draining;
            }
        }
    }

    /// <summary>Sets a service's status (its fully qualified name, e.g. networkplatform.membership.v1.MembershipService). Ignored while draining.</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        lock (gate)
        {
            if (draining)
            {
                return;
            }
            statuses[service] = status;
            Notify(service, status);
        }
    }

    /// <summary>Forgets a service: Check answers NOT_FOUND for it again, watchers see SERVICE_UNKNOWN.</summary>
    public void ClearStatus(string service)
    {
        lock (gate)
        {
            if (draining || service == Server)
            {
                return;
            }
            statuses.Remove(service);
            Notify(service, ServingStatus.ServiceUnknown);
        }
    }

    /// <summary>The status of a service, or null when nothing set one.</summary>
    public ServingStatus? GetStatus(string service)
    {
        lock (gate)
        {
            return statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    /// <summary>Marks everything NOT_SERVING for good and ends the watch streams (so shutdown does not wait on them).</summary>
    public void EnterDrainingState()
    {
        lock (gate)
        {
            if (draining)
            {
                return;
            }
            draining = true;
            foreach (var service in statuses.Keys.ToList())
            {
                statuses[service] = ServingStatus.NotServing;
            }
            foreach (var (service, channels) in watchers)
            {
                var status = statuses.ContainsKey(service) ? ServingStatus.NotServing : ServingStatus.ServiceUnknown;
                foreach (var channel in channels)
                {
                    channel.Writer.TryWrite(status);
                    channel.Writer.TryComplete();
                }
            }
        }
    }

    /// <summary>A stream of status changes for one service, starting with its current status; dispose to stop watching.</summary>
    internal Subscription Watch(string service)
    {
        // Only the latest status matters to a watcher: a slow reader skips intermediate ones.
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (gate)
        {
            channel.Writer.TryWrite(statuses.TryGetValue(service, out var status) ? status : ServingStatus.ServiceUnknown);
            if (draining)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                if (!watchers.TryGetValue(service, out var list))
                {
                    watchers[service] = list = [];
                }
                list.Add(channel);
            }
        }
        return new Subscription(this, service, channel);
    }

    public void Dispose() => stoppingRegistration.Dispose();

    private void Notify(string service, ServingStatus status)
    {
        if (watchers.TryGetValue(service, out var channels))
        {
            foreach (var channel in channels)
            {
                channel.Writer.TryWrite(status);
            }
        }
    }

    private void Unsubscribe(string service, Channel<ServingStatus> channel)
    {
        lock (gate)
        {
            if (watchers.TryGetValue(service, out var list))
            {
                list.Remove(channel);
                if (list.Count == 0)
                {
                    watchers.Remove(service);
                }
            }
        }
    }

    internal sealed class Subscription(HealthStatusManager manager, string service, Channel<ServingStatus> channel) : IDisposable
    {
        public ChannelReader<ServingStatus> Reader => channel.Reader;

        public void Dispose() => manager.Unsubscribe(service, channel);
    }
}
