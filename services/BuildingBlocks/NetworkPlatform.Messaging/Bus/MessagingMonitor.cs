using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Messaging.Inbox;

namespace NetworkPlatform.Messaging.Bus;

/// <summary>
/// The queue figures of this process's handler queues, as gauges of the "NetworkPlatform.Messaging" meter:
/// <list type="bullet">
/// <item>networkplatform.consumer.attached: 1 while this process's consumer of the queue is registered with the broker,
/// 0 from the moment its endpoint faults or stops (the process's own view: it is there when the broker is not);</item>
/// <item>networkplatform.queue.messages (state ready / unacked) and networkplatform.queue.consumers, for the queues and
/// their _error queues, from the broker's management API every <see cref="BrokerInterval"/> when Bus__RabbitMq__ManagementUrl
/// is set. One GET of the vhost's queues gives all three figures, which passive declares cannot (they have no unacked
/// count); the broker refreshes them every 5 s, so they lag by up to that much.</item>
/// </list>
/// </summary>
internal sealed partial class MessagingMonitor : BackgroundService, IReceiveEndpointObserver
{
    public static readonly TimeSpan BrokerInterval = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<MessagingMonitor, byte> Live = new();

    private readonly Dictionary<string, string> serviceOfQueue;
    private readonly ConcurrentDictionary<string, int> attached = new();
    private readonly BusOptions options;
    private readonly ILogger<MessagingMonitor> logger;
    private IReadOnlyList<QueueFigures> queues = [];

    static MessagingMonitor()
    {
        MessagingMetrics.Meter.CreateObservableGauge("networkplatform.consumer.attached", () => Live.Keys.SelectMany(m => m.Attached()),
            "{consumer}", "1 while this process consumes the queue (registered with the broker), 0 while it does not");
        MessagingMetrics.Meter.CreateObservableGauge("networkplatform.queue.messages", () => Live.Keys.SelectMany(m => m.Messages()),
            "{message}", "Messages in the queue by state: ready (waiting) or unacked (delivered, not yet acknowledged); from the broker");
        MessagingMetrics.Meter.CreateObservableGauge("networkplatform.queue.consumers", () => Live.Keys.SelectMany(m => m.Consumers()),
            "{consumer}",
            "Consumers registered on the queue, of every replica (single active consumer: one of them receives); from the broker");
    }

    public MessagingMonitor(EventConsumerBindings bindings, BusOptions options, ILogger<MessagingMonitor> logger)
    {
        serviceOfQueue = bindings.All.ToDictionary(b => b.ConsumerName, b => b.ServiceName);
        foreach (var binding in bindings.All)
        {
            serviceOfQueue[EventTopology.ErrorQueueName(binding.ConsumerName)] = binding.ServiceName;
            attached[binding.ConsumerName] = 0;
        }
        this.options = options;
        this.logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Live.TryAdd(this, 0);
        try
        {
            if (options.Transport != BusTransport.RabbitMq || options.RabbitMq.ManagementUrl is not { Length: > 0 } url)
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
                return;
            }
            using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.RabbitMq.Username}:{options.RabbitMq.Password}")));
            var path = $"api/queues/{Uri.EscapeDataString(options.RabbitMq.VirtualHost)}"
                + "?columns=name,messages_ready,messages_unacknowledged,consumers";
            using var timer = new PeriodicTimer(BrokerInterval);
            do
            {
                try
                {
                    var all = await http.GetFromJsonAsync<QueueFigures[]>(path, stoppingToken) ?? [];
                    queues = [.. all.Where(q => serviceOfQueue.ContainsKey(q.Name))];
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    queues = []; // Unknown now: no figures rather than old ones.
                    LogBrokerUnavailable(exception, url);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Live.TryRemove(this, out _);
        }
    }

    public Task Ready(ReceiveEndpointReady ready) => Set(ready.InputAddress, 1);

    public Task Stopping(ReceiveEndpointStopping stopping) => Set(stopping.InputAddress, 0);

    public Task Completed(ReceiveEndpointCompleted completed) => Set(completed.InputAddress, 0);

    public Task Faulted(ReceiveEndpointFaulted faulted) => Set(faulted.InputAddress, 0);

    private Task Set(Uri inputAddress, int value)
    {
        // rabbitmq://host/vhost/queue?... and loopback://localhost/queue: the queue is the last segment.
        var queue = Uri.UnescapeDataString(
            inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "");
        if (attached.ContainsKey(queue))
        {
            attached[queue] = value;
        }
        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> Attached() =>
        attached.Select(a => new Measurement<int>(
            a.Value, MessagingMetrics.Destination(a.Key), MessagingMetrics.Service(serviceOfQueue[a.Key])));

    private IEnumerable<Measurement<long>> Messages() => queues.SelectMany(q => new[]
    {
        new Measurement<long>(
            q.Ready, MessagingMetrics.Destination(q.Name), MessagingMetrics.Service(serviceOfQueue[q.Name]), new("state", "ready")),
        new Measurement<long>(
            q.Unacked, MessagingMetrics.Destination(q.Name), MessagingMetrics.Service(serviceOfQueue[q.Name]), new("state", "unacked")),
    });

    private IEnumerable<Measurement<long>> Consumers() =>
        queues.Select(q => new Measurement<long>(
            q.Consumers, MessagingMetrics.Destination(q.Name), MessagingMetrics.Service(serviceOfQueue[q.Name])));

    private sealed record QueueFigures(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("messages_ready")] long Ready,
        [property: JsonPropertyName("messages_unacknowledged")] long Unacked,
        [property: JsonPropertyName("consumers")] long Consumers);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Queue figures: the broker's management API at {Url} did not answer; they are left out until it does.")]
    private partial void LogBrokerUnavailable(Exception exception, string url);
}
