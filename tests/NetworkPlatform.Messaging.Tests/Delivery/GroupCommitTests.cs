using System.Collections.Concurrent;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Messaging.Tests.Delivery;

/// <summary>Remembers which unit of work handled each event, and fails every time on a member named "poison".</summary>
public sealed class UnitRecordingProjection : AggregateLogProjection
{
    public static readonly ConcurrentDictionary<Guid, IUnitOfWork> Units = new();
    public static readonly ConcurrentDictionary<Guid, int> PoisonAttempts = new();

    public override Task HandleAsync(MemberJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (domainEvent.PersonName == "poison")
        {
            PoisonAttempts.AddOrUpdate(domainEvent.EventId, 1, (_, n) => n + 1);
            throw new InvalidOperationException("Cannot project member poison.");
        }
        Units[domainEvent.EventId] = unitOfWork;
        return base.HandleAsync(domainEvent, unitOfWork, cancellationToken);
    }
}

/// <summary>Deliveries that wait together share a transaction; a failing one fails alone (PostgreSQL, real RabbitMQ).</summary>
public sealed class GroupCommitTests
{
    private const int Healthy = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _publisher = "membership-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _consumer = "reporting-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task events_waiting_in_the_queue_are_handled_in_shared_transactions_once_each()
    {
        var healthy = HealthyEvents();
        await using var consumer = await StartWithWaitingEventsAsync(healthy);

        await AssertHandledOnceAsync(consumer, healthy);
        var eventsPerUnit = healthy.GroupBy(e => UnitRecordingProjection.Units[e.EventId], ReferenceEqualityComparer.Instance).Select(g => g.Count()).ToList();
        Assert.True(eventsPerUnit.Max() > 1, $"{Healthy} waiting events took {eventsPerUnit.Count} transactions, one each");
    }

    [Fact]
    public async Task a_poisoned_event_among_waiting_ones_fails_alone_and_the_others_are_handled_once()
    {
        var healthy = HealthyEvents();
        var poison = Producer.Event("group-poisoned", 1, personName: "poison");
        await using var consumer = await StartWithWaitingEventsAsync([.. healthy.Take(Healthy / 2), poison, .. healthy.Skip(Healthy / 2)]);

        await Eventually.HoldsAsync(
            () => Task.FromResult(UnitRecordingProjection.PoisonAttempts.GetValueOrDefault(poison.EventId) == 1 + Environments.RetryCount),
            Patience,
            "the poisoned event tried and given up");
        await AssertHandledOnceAsync(consumer, healthy);
        Assert.Equal(1 + Environments.RetryCount, UnitRecordingProjection.PoisonAttempts[poison.EventId]);
        Assert.Empty(await Environments.VersionsSeenAsync(consumer.Store(_consumer), poison.AggregateId));
    }

    private static List<MemberJoined> HealthyEvents() => [.. Enumerable.Range(1, Healthy).Select(i => Producer.Event($"group-{i}", 1))];

    /// <summary>Commits the events while the consumer is away, waits until they all sit in its queue, then starts it.</summary>
    private async Task<ServiceHost> StartWithWaitingEventsAsync(IReadOnlyList<MemberJoined> events)
    {
        var bus = await Environments.RabbitMqBusAsync();
        var storage = await Environments.StorageAsync(Environments.Postgres, _consumer);
        await (await StartConsumerAsync(bus, storage)).DisposeAsync(); // Declares the queue.
        await using (var publisher = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_publisher] = await Environments.StorageAsync(Environments.Postgres, _publisher),
        }, services => services.AddService(_publisher)))
        {
            foreach (var domainEvent in events)
            {
                await Producer.CommitAsync(publisher.Store(_publisher), domainEvent);
            }
            var rabbit = await RabbitMqServer.SharedAsync();
            var queue = EventTopology.QueueName(_consumer, typeof(UnitRecordingProjection));
            await Eventually.HoldsAsync(
                async () => (await rabbit.CtlAsync("list_queues", "-p", bus["Bus:RabbitMq:VirtualHost"]!, "--no-table-headers", "name", "messages"))
                    .Contains($"{queue}\t{events.Count}", StringComparison.Ordinal),
                Patience,
                $"{events.Count} messages waiting in {queue}");
        }
        return await StartConsumerAsync(bus, storage);
    }

    private async Task AssertHandledOnceAsync(ServiceHost consumer, IReadOnlyList<MemberJoined> events)
    {
        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var domainEvent in events)
                {
                    if ((await Environments.VersionsSeenAsync(consumer.Store(_consumer), domainEvent.AggregateId)).Count == 0)
                    {
                        return false;
                    }
                }
                return true;
            },
            Patience,
            $"all {events.Count} events handled");
        await Task.Delay(300); // A duplicate would land now.
        foreach (var domainEvent in events)
        {
            Assert.Equal([1L], await Environments.VersionsSeenAsync(consumer.Store(_consumer), domainEvent.AggregateId));
        }
    }

    private async Task<ServiceHost> StartConsumerAsync(Dictionary<string, string?> bus, Dictionary<string, string?> storage) =>
        await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_consumer] = storage,
        }, events => events.AddService(_consumer, service => service.AddHandler<UnitRecordingProjection>()));
}
