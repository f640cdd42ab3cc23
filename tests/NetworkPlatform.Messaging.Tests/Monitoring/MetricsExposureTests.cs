using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage.Hosting;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Messaging.Tests.Monitoring;

/// <summary>
/// After a small workload (events relayed, handled, one handled twice, one failing every retry), a publishing and a
/// consuming process serve every messaging, outbox and database-pool metric of docs/operations.md on /metrics, with
/// their labels, as the OpenTelemetry Prometheus exporter writes them.
/// </summary>
public sealed class MetricsExposureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _publisher = "membership-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _consumer = "reporting-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task a_workload_leaves_every_messaging_outbox_and_pool_metric_with_its_labels_on_metrics()
    {
        await using var rabbit = await RabbitMqServer.StartNewAsync(management: true);
        var bus = await Environments.RabbitMqBusAsync(rabbit);
        bus["Bus:RabbitMq:ManagementUrl"] = rabbit.ManagementUrl;
        await using var consumer = PublisherProcess.Start(await Environments.ProcessAsync(bus, Environments.Postgres, _consumer), "consume", _consumer);
        await consumer.WaitForLineAsync("started", Patience);
        await using var producer = PublisherProcess.Start(await Environments.ProcessAsync(bus, Environments.Postgres, _publisher), "produce", _publisher, "group-1", "20");
        await producer.WaitForLineAsync("done", Patience);

        // One event twice with the same message id (a relay that crashed between publish and mark), and one that fails.
        await using var direct = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            ["direct"] = await Environments.StorageAsync(Environments.Sqlite, "direct"),
        }, events => events.AddService("direct"));
        var publish = direct.Services.GetRequiredService<IBus>();
        var twice = Producer.Event("group-2", 1);
        for (var copy = 0; copy < 2; copy++)
        {
            await publish.Publish(twice, context => context.MessageId = twice.EventId);
        }
        var poison = Producer.Event("group-3", 1, personName: "poison");
        await publish.Publish(poison, context => context.MessageId = poison.EventId);

        var queue = EventTopology.QueueName(_consumer, typeof(PoisonRejectingProjection));
        var exchange = EventTopology.ExchangeName(typeof(MemberJoined));
        var consumerExpects = new (string Name, Dictionary<string, string> Labels)[]
        {
            ("messaging_client_consumed_messages_total", new() { ["messaging_destination_name"] = queue }),
            ("messaging_client_consumed_messages_total", new() { ["messaging_destination_name"] = queue, ["error_type"] = "System.InvalidOperationException" }),
            ("messaging_process_duration_seconds_bucket", new() { ["messaging_destination_name"] = queue }),
            ("networkplatform_inbox_duplicates_total", new() { ["messaging_destination_name"] = queue }),
            ("networkplatform_consumer_retries_total", new() { ["messaging_destination_name"] = queue }),
            ("networkplatform_consumer_dead_lettered_total", new() { ["messaging_destination_name"] = queue }),
            ("networkplatform_consumer_attached", new() { ["messaging_destination_name"] = queue, ["networkplatform_service"] = _consumer }),
            ("networkplatform_queue_messages", new() { ["messaging_destination_name"] = queue, ["state"] = "ready", ["networkplatform_service"] = _consumer }),
            ("networkplatform_queue_messages", new() { ["messaging_destination_name"] = queue, ["state"] = "unacked" }),
            ("networkplatform_queue_messages", new() { ["messaging_destination_name"] = EventTopology.ErrorQueueName(queue), ["state"] = "ready" }),
            ("networkplatform_queue_consumers", new() { ["messaging_destination_name"] = queue, ["networkplatform_service"] = _consumer }),
            ("networkplatform_outbox_pending", new() { ["networkplatform_service"] = _consumer }),
            ("networkplatform_outbox_oldest_age_seconds", new() { ["networkplatform_service"] = _consumer }),
            ("db_client_connection_count", new() { ["db_client_connection_state"] = "idle" }),
            ("db_client_connection_count", new() { ["db_client_connection_state"] = "used" }),
            ("db_client_connection_max", new()),
        };
        var producerExpects = new (string Name, Dictionary<string, string> Labels)[]
        {
            ("messaging_client_sent_messages_total", new()
            {
                ["messaging_destination_name"] = exchange, ["networkplatform_service"] = _publisher,
                ["messaging_system"] = "rabbitmq", ["messaging_operation_name"] = "publish",
            }),
            ("networkplatform_outbox_pending", new() { ["networkplatform_service"] = _publisher }),
            ("networkplatform_outbox_oldest_age_seconds", new() { ["networkplatform_service"] = _publisher }),
        };

        // The broker's figures come every 10 s and lag by up to 5 s; the dead letter after its retries.
        var missing = await MissingAfterAsync(consumer.MetricsUrl!, consumerExpects, s =>
            s.Any(x => x.Name == "networkplatform_consumer_dead_lettered_total" && x.Value >= 1)
            && s.Any(x => x.Name == "networkplatform_inbox_duplicates_total" && x.Value >= 1)
            && s.Any(x => x.Name == "networkplatform_queue_messages" && x.Labels["messaging_destination_name"].EndsWith("_error", StringComparison.Ordinal) && x.Value >= 1));
        Assert.True(missing.Count == 0, $"The consumer's /metrics lacks: {string.Join("; ", missing)}");
        missing = await MissingAfterAsync(producer.MetricsUrl!, producerExpects, s =>
            s.Any(x => x.Name == "messaging_client_sent_messages_total" && x.Value >= 20));
        Assert.True(missing.Count == 0, $"The producer's /metrics lacks: {string.Join("; ", missing)}");

        var consumed = await Scrape.MetricsAsync(consumer.MetricsUrl!);
        Assert.Equal(1, consumed.Single(s => s.Name == "networkplatform_consumer_attached").Value);
        Assert.Equal(1, consumed.Single(s => s.Name == "networkplatform_queue_consumers" && s.Labels["messaging_destination_name"] == queue).Value);
        Assert.Equal(Environments.RetryCount, consumed.Single(s => s.Name == "networkplatform_consumer_retries_total").Value);
    }

    private static async Task<List<string>> MissingAfterAsync(string url, (string Name, Dictionary<string, string> Labels)[] expected, Func<IReadOnlyList<Sample>, bool> settled)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var samples = await Scrape.MetricsAsync(url);
            var missing = expected
                .Where(e => !samples.Any(s => s.Name == e.Name && e.Labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)))
                .Select(e => $"{e.Name}{{{string.Join(",", e.Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}")
                .ToList();
            if ((missing.Count == 0 && settled(samples)) || DateTime.UtcNow > deadline)
            {
                return missing;
            }
            await Task.Delay(500);
        }
    }
}
