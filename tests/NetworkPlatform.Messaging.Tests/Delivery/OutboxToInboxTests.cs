using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage;
using NetworkPlatform.Testing;
using RabbitMQ.Client;

namespace NetworkPlatform.Messaging.Tests.Delivery;

/// <summary>A publishing service and a consuming service, each on its own real database, over a real RabbitMQ node.</summary>
public sealed class OutboxToInboxTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _publisher = "membership-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _consumer = "reporting-" + Guid.NewGuid().ToString("N")[..6];

    [Theory]
    [InlineData(Environments.Sqlite)]
    [InlineData(Environments.Postgres)]
    public async Task committed_events_arrive_once_and_in_order_per_aggregate(string storage)
    {
        var bus = await Environments.RabbitMqBusAsync();
        await using var consumer = await StartConsumerAsync<AggregateLogProjection>(bus, storage);
        await using var publisher = await StartPublisherAsync(bus, storage);

        var aggregates = Enumerable.Range(1, 5).Select(i => $"group-{i}").ToList();
        await Task.WhenAll(aggregates.Select(async aggregate =>
        {
            for (var version = 1; version <= 20; version++)
            {
                await Producer.CommitAsync(publisher.Store(_publisher), Producer.Event(aggregate, version));
            }
        }));

        await AssertEveryAggregateSawAsync(consumer.Store(_consumer), aggregates, 20);
    }

    [Theory]
    [InlineData(Environments.Sqlite)]
    [InlineData(Environments.Postgres)]
    public async Task every_event_arrives_exactly_once_when_the_broker_is_down_while_events_are_produced(string storage)
    {
        // A node of its own: stopping the shared one would pull the broker from under the tests running alongside.
        await using var rabbit = await RabbitMqServer.StartNewAsync();
        var bus = await Environments.RabbitMqBusAsync(rabbit);
        await using var consumer = await StartConsumerAsync<AggregateLogProjection>(bus, storage);
        await using var publisher = await StartPublisherAsync(bus, storage);
        var aggregates = Enumerable.Range(1, 4).Select(i => $"group-{i}").ToList();
        var version = 0;
        async Task ProduceAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                version++;
                foreach (var aggregate in aggregates)
                {
                    await Producer.CommitAsync(publisher.Store(_publisher), Producer.Event(aggregate, version));
                }
            }
        }

        await ProduceAsync(10);
        await rabbit.StopAsync();
        try
        {
            await ProduceAsync(15); // Commits go on; the events wait in the outbox.
        }
        finally
        {
            await rabbit.StartAsync();
        }
        await ProduceAsync(5);

        await AssertEveryAggregateSawAsync(consumer.Store(_consumer), aggregates, 30);
    }

    [Theory]
    [InlineData(Environments.Sqlite)]
    [InlineData(Environments.Postgres)]
    public async Task a_handler_that_keeps_failing_moves_the_message_to_the_error_queue_after_bounded_retries(string storage)
    {
        var bus = await Environments.RabbitMqBusAsync();
        await using var consumer = await StartConsumerAsync<PoisonRejectingProjection>(bus, storage);
        await using var publisher = await StartPublisherAsync(bus, storage);
        var poison = Producer.Event("group-poisoned", 1, personName: "poison");

        await Producer.CommitAsync(publisher.Store(_publisher), poison);
        await Producer.CommitAsync(publisher.Store(_publisher), Producer.Event("group-healthy", 1));

        var errorQueue = EventTopology.ErrorQueueName(EventTopology.QueueName(_consumer, typeof(PoisonRejectingProjection)));
        var faulted = await GetOneAsync(bus, errorQueue);
        Assert.Equal(poison.EventId.ToString(), faulted.BasicProperties.MessageId);
        Assert.Contains("Cannot project member poison.", HeaderText(faulted, "MT-Fault-Message"), StringComparison.Ordinal);
        var body = Encoding.UTF8.GetString(faulted.Body.Span);
        Assert.Contains(poison.EventId.ToString(), body, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', body); // Compact JSON on the wire, not MassTransit's indented default.
        Assert.Equal(1 + Environments.RetryCount, PoisonRejectingProjection.Attempts[poison.EventId]);
        // The failure rolled back and blocked nothing else.
        Assert.Empty(await Environments.VersionsSeenAsync(consumer.Store(_consumer), "group-poisoned"));
        await AssertEveryAggregateSawAsync(consumer.Store(_consumer), ["group-healthy"], 1);
    }

    [Fact]
    public async Task a_failure_is_retried_without_reordering_the_aggregate_or_keeping_the_failed_attempts_effect()
    {
        var bus = await Environments.RabbitMqBusAsync();
        await using var consumer = await StartConsumerAsync<FlakyProjection>(bus, Environments.Sqlite);
        await using var publisher = await StartPublisherAsync(bus, Environments.Sqlite);

        for (var version = 1; version <= 6; version++)
        {
            await Producer.CommitAsync(publisher.Store(_publisher), Producer.Event("group-1", version, personName: version == 3 ? "flaky" : "Ada"));
        }

        await AssertEveryAggregateSawAsync(consumer.Store(_consumer), ["group-1"], 6);
    }

    [Theory]
    [InlineData(Environments.Sqlite)]
    [InlineData(Environments.Postgres)]
    public async Task a_redelivered_event_changes_nothing(string storage)
    {
        var bus = await Environments.RabbitMqBusAsync();
        await using var consumer = await StartConsumerAsync<AggregateLogProjection>(bus, storage);
        await using var publisher = await StartPublisherAsync(bus, storage);
        var first = Producer.Event("group-1", 1);
        await Producer.CommitAsync(publisher.Store(_publisher), first);
        await AssertEveryAggregateSawAsync(consumer.Store(_consumer), ["group-1"], 1);

        // The same message again (a relay that died before marking it sent publishes it twice), then the next one.
        var bus1 = publisher.Services.GetRequiredService<IBus>();
        await bus1.Publish(first, Pipe.Execute<PublishContext>(context => context.MessageId = first.EventId));
        await Producer.CommitAsync(publisher.Store(_publisher), Producer.Event("group-1", 2));

        await AssertEveryAggregateSawAsync(consumer.Store(_consumer), ["group-1"], 2);
    }

    [Fact]
    public async Task consumer_queues_are_quorum_queues_bound_to_one_exchange_per_event_type()
    {
        var rabbit = await RabbitMqServer.SharedAsync();
        var bus = await Environments.RabbitMqBusAsync();
        await using var consumer = await StartConsumerAsync<AggregateLogProjection>(bus, Environments.Sqlite);

        var virtualHost = bus["Bus:RabbitMq:VirtualHost"]!;
        var queue = EventTopology.QueueName(_consumer, typeof(AggregateLogProjection));
        Assert.StartsWith(_consumer + ".aggregate-log-projection", queue, StringComparison.Ordinal);
        var queues = await rabbit.CtlAsync("list_queues", "-p", virtualHost, "--no-table-headers", "name", "type", "durable");
        Assert.Contains($"{queue}\tquorum\ttrue", queues, StringComparison.Ordinal);
        var bindings = await rabbit.CtlAsync("list_bindings", "-p", virtualHost, "--no-table-headers", "source_name", "destination_name");
        Assert.Contains(EventTopology.ExchangeName(typeof(MemberJoined)), bindings, StringComparison.Ordinal);
        Assert.Contains(EventTopology.ExchangeName(typeof(BudgetApproved)), bindings, StringComparison.Ordinal);
        var exchanges = await rabbit.CtlAsync("list_exchanges", "-p", virtualHost, "--no-table-headers", "name", "type", "durable");
        Assert.Contains($"NetworkPlatform.Messaging.TestHost:MemberJoined\tfanout\ttrue", exchanges, StringComparison.Ordinal);
        Assert.DoesNotContain("IDomainEvent", exchanges, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_service_declares_every_event_types_exchange_at_start_before_anything_is_published()
    {
        var rabbit = await RabbitMqServer.SharedAsync();
        var bus = await Environments.RabbitMqBusAsync();
        await using var publisher = await StartPublisherAsync(bus, Environments.Sqlite);

        var exchanges = await rabbit.CtlAsync("list_exchanges", "-p", bus["Bus:RabbitMq:VirtualHost"]!, "--no-table-headers", "name",
            "type", "durable");
        var expected = publisher.Services.GetRequiredService<EventTypes>().All.Select(EventTopology.ExchangeName).ToList();
        Assert.Contains(EventTopology.ExchangeName(typeof(NetworkPlatform.Events.Membership.OrganisationRegistered)), expected);
        Assert.All(expected, exchange => Assert.Contains($"{exchange}\tfanout\ttrue", exchanges, StringComparison.Ordinal));
    }

    private async Task<ServiceHost> StartPublisherAsync(Dictionary<string, string?> bus, string storage) =>
        await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_publisher] = await Environments.StorageAsync(storage, _publisher),
        }, events => events.AddService(_publisher));

    private async Task<ServiceHost> StartConsumerAsync<THandler>(Dictionary<string, string?> bus, string storage)
        where THandler : class =>
        await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_consumer] = await Environments.StorageAsync(storage, _consumer),
        }, events => events.AddService(_consumer, service => service.AddHandler<THandler>()));

    private static async Task AssertEveryAggregateSawAsync(IDocumentStore store, IReadOnlyList<string> aggregates, int versions)
    {
        var expected = Enumerable.Range(1, versions).Select(v => (long)v).ToList();
        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var aggregate in aggregates)
                {
                    if ((await Environments.VersionsSeenAsync(store, aggregate)).Count < versions)
                    {
                        return false;
                    }
                }
                return true;
            },
            Patience,
            $"{versions} events for each of {string.Join(", ", aggregates)}");
        await Task.Delay(300); // A duplicate would land now.
        foreach (var aggregate in aggregates)
        {
            Assert.Equal(expected, await Environments.VersionsSeenAsync(store, aggregate));
        }
    }

    private static async Task<BasicGetResult> GetOneAsync(Dictionary<string, string?> bus, string queue)
    {
        var factory = new ConnectionFactory
        {
            HostName = bus["Bus:RabbitMq:Host"]!,
            Port = int.Parse(bus["Bus:RabbitMq:Port"]!, System.Globalization.CultureInfo.InvariantCulture),
            VirtualHost = bus["Bus:RabbitMq:VirtualHost"]!,
            UserName = bus["Bus:RabbitMq:Username"]!,
            Password = bus["Bus:RabbitMq:Password"]!,
        };
        await using var connection = await factory.CreateConnectionAsync();
        BasicGetResult? result = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    // A fresh channel each time: asking for a queue that does not exist yet closes the channel.
                    await using var channel = await connection.CreateChannelAsync();
                    result = await channel.BasicGetAsync(queue, autoAck: true);
                }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
                {
                    return false; // The error queue is created with the first fault.
                }
                return result is not null;
            },
            Patience,
            $"a message in {queue}");
        return result!;
    }

    private static string HeaderText(BasicGetResult message, string header) =>
        message.BasicProperties.Headers?.TryGetValue(header, out var value) == true
            ? value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString() ?? ""
            : "";
}
