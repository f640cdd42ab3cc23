using System.Collections.Concurrent;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Catalogue;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Tests.Ordering;

/// <summary>A second aggregate type whose ids are the groups' ids, as a group's annual wheel is.</summary>
[Aggregate("Wheel")]
public sealed record WheelTurned(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion)
    : IDomainEvent;

/// <summary>Every delivery a consumer got, in arrival order, per network (each test has a network of its own).</summary>
public sealed class StreamRecorder : IEventHandler<MemberJoined>, IEventHandler<BudgetApproved>, IEventHandler<WheelTurned>
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<IDomainEvent>> Delivered = new();

    public Task HandleAsync(MemberJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) => Record(domainEvent);

    public Task HandleAsync(BudgetApproved domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) => Record(domainEvent);

    public Task HandleAsync(WheelTurned domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) => Record(domainEvent);

    private static Task Record(IDomainEvent domainEvent)
    {
        Delivered.GetOrAdd(domainEvent.NetworkId, _ => new()).Enqueue(domainEvent);
        return Task.CompletedTask;
    }
}

/// <summary>
/// aggregateVersion as the catalogue states it (<see cref="AsyncApiCatalogue.StreamRule"/>): a random workload of units of
/// one to three events over aggregates whose ids two aggregate types share, written by concurrent writers, goes through
/// the outbox and RabbitMQ; the consumer's stream, replayed with stale copies mixed in, is filtered by the rule alone.
/// </summary>
public sealed class AggregateStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _publisher = "groups-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _consumer = "reporting-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _network = "network-" + Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [InlineData(Environments.Sqlite)]
    [InlineData(Environments.Postgres)]
    public async Task the_stale_copy_rule_keeps_every_event_once_and_drops_every_copy(string storage)
    {
        var bus = await Environments.RabbitMqBusAsync();
        await using var host = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_publisher] = await Environments.StorageAsync(storage, _publisher),
            [_consumer] = await Environments.StorageAsync(storage, _consumer),
        }, events => events
            .AddEventTypesFrom(typeof(WheelTurned).Assembly)
            .AddService(_publisher)
            .AddService(_consumer, service => service.AddHandler<StreamRecorder>()));
        var seed = Environment.TickCount;
        var units = new ConcurrentBag<IReadOnlyList<IDomainEvent>>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer =>
            WriteRandomUnitsAsync(host.Store(_publisher), new Random(seed + writer), 40, units)));
        var written = units.Sum(unit => unit.Count);

        await Eventually.HoldsAsync(() => Task.FromResult(Delivered().Count >= written), Patience, $"{written} events (seed {seed})");
        await Task.Delay(300); // A duplicate would land now.
        var delivered = Delivered();
        Assert.Equal(written, delivered.Count);

        // Each stream counts 1, 2, 3, ... in arrival order, and one unit's events of a stream are consecutive.
        foreach (var stream in delivered.GroupBy(StreamOf))
        {
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e.AggregateVersion));
        }
        var versionOf = delivered.ToDictionary(e => e.EventId, e => e.AggregateVersion);
        foreach (var unit in units)
        {
            foreach (var stream in unit.GroupBy(StreamOf))
            {
                var versions = stream.Select(e => versionOf[e.EventId]).ToList();
                Assert.Equal(Enumerable.Range((int)versions[0], versions.Count).Select(v => (long)v), versions);
            }
        }

        // Replayed with copies of earlier deliveries mixed in at random later places, the rule applies each event once.
        var random = new Random(seed);
        var replay = new List<(IDomainEvent Event, bool Copy)>(delivered.Select(e => (e, false)));
        for (var i = 0; i < written; i++)
        {
            var original = random.Next(replay.Count);
            replay.Insert(random.Next(original + 1, replay.Count + 1), (replay[original].Event, true));
        }
        var highest = new Dictionary<(string, string, string), long>();
        var applied = new List<Guid>();
        foreach (var (domainEvent, copy) in replay)
        {
            var stream = StreamOf(domainEvent);
            if (domainEvent.AggregateVersion <= highest.GetValueOrDefault(stream))
            {
                continue; // Stale: the catalogue says skip it.
            }
            Assert.False(copy, $"A copy of {domainEvent.EventId} got past the rule (seed {seed}).");
            highest[stream] = domainEvent.AggregateVersion;
            applied.Add(domainEvent.EventId);
        }
        Assert.Equal(delivered.Select(e => e.EventId), applied);
    }

    private List<IDomainEvent> Delivered() => [.. StreamRecorder.Delivered.GetValueOrDefault(_network) ?? []];

    private static (string Network, string Type, string Id) StreamOf(IDomainEvent domainEvent) =>
        (domainEvent.NetworkId, AggregateAttribute.Of(domainEvent.GetType()), domainEvent.AggregateId);

    /// <summary>Units of one to three events over five ids shared by two aggregate types; a lost race runs the unit again.</summary>
    private async Task WriteRandomUnitsAsync(IDocumentStore store, Random random, int count, ConcurrentBag<IReadOnlyList<IDomainEvent>> units)
    {
        for (var i = 0; i < count; i++)
        {
            var now = DateTimeOffset.UtcNow;
            var unit = Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
            {
                var id = $"group-{random.Next(5)}";
                // The version the producer passes is whatever it likes (here 0): the outbox numbers the stream.
                return random.Next(3) switch
                {
                    0 => new MemberJoined(Guid.NewGuid(), now, _network, id, 0, "Ada", MemberRole.Representative),
                    1 => new BudgetApproved(Guid.NewGuid(), now, _network, id, 0, 10m),
                    _ => (IDomainEvent)new WheelTurned(Guid.NewGuid(), now, _network, id, 0),
                };
            }).ToList();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var unitOfWork = await store.BeginAsync();
                    foreach (var domainEvent in unit)
                    {
                        await unitOfWork.PublishAsync(domainEvent);
                    }
                    await unitOfWork.CommitAsync();
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < 10)
                {
                    // Two units took two streams in opposite orders (PostgreSQL's deadlock detector chose this one).
                }
            }
            units.Add(unit);
        }
    }
}
