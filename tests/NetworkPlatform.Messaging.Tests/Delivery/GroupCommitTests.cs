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
    public async Task events_waiting_in_the_queue_are_handled_in_shared_transactions_once_each_and_a_poisoned_one_fails_alone()
    {
        var bus = await Environments.RabbitMqBusAsync();
        var storage = await Environments.StorageAsync(Environments.Postgres, _consumer);
        // The first start declares the queue; the events then pile up in it while the consumer is away.
        await (await StartConsumerAsync(bus, storage)).DisposeAsync();
        await using var publisher = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_publisher] = await Environments.StorageAsync(Environments.Postgres, _publisher),
        }, events => events.AddService(_publisher));
        var healthy = Enumerable.Range(1, Healthy).Select(i => Producer.Event($"group-{i}", 1)).ToList();
        var poison = Producer.Event("group-poisoned", 1, personName: "poison");
        foreach (var domainEvent in healthy.Take(Healthy / 2).Append(poison).Concat(healthy.Skip(Healthy / 2)))
        {
            await Producer.CommitAsync(publisher.Store(_publisher), domainEvent);
        }
        var rabbit = await RabbitMqServer.SharedAsync();
        var queue = EventTopology.QueueName(_consumer, typeof(UnitRecordingProjection));
        await Eventually.HoldsAsync(
            async () => (await rabbit.CtlAsync("list_queues", "-p", bus["Bus:RabbitMq:VirtualHost"]!, "--no-table-headers", "name", "messages"))
                .Contains($"{queue}\t{Healthy + 1}", StringComparison.Ordinal),
            Patience,
            $"{Healthy + 1} messages waiting in {queue}");

        await using var consumer = await StartConsumerAsync(bus, storage);

        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var domainEvent in healthy)
                {
                    if ((await Environments.VersionsSeenAsync(consumer.Store(_consumer), domainEvent.AggregateId)).Count == 0)
                    {
                        return false;
                    }
                }
                return UnitRecordingProjection.PoisonAttempts.GetValueOrDefault(poison.EventId) == 1 + Environments.RetryCount;
            },
            Patience,
            "every healthy event handled and the poisoned one given up");
        await Task.Delay(300); // A duplicate would land now.
        foreach (var domainEvent in healthy)
        {
            Assert.Equal([1L], await Environments.VersionsSeenAsync(consumer.Store(_consumer), domainEvent.AggregateId));
        }
        Assert.Equal(1 + Environments.RetryCount, UnitRecordingProjection.PoisonAttempts[poison.EventId]);
        Assert.Empty(await Environments.VersionsSeenAsync(consumer.Store(_consumer), poison.AggregateId));
        var eventsPerUnit = healthy.GroupBy(e => UnitRecordingProjection.Units[e.EventId], ReferenceEqualityComparer.Instance).Select(g => g.Count()).ToList();
        Assert.True(eventsPerUnit.Max() > 1, $"{Healthy} waiting events took {eventsPerUnit.Count} transactions, one each");
    }

    private async Task<ServiceHost> StartConsumerAsync(Dictionary<string, string?> bus, Dictionary<string, string?> storage) =>
        await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_consumer] = storage,
        }, events => events.AddService(_consumer, service => service.AddHandler<UnitRecordingProjection>()));
}
