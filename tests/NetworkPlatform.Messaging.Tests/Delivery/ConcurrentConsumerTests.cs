using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;

namespace NetworkPlatform.Messaging.Tests.Delivery;

/// <summary>A RabbitMQ consumer handles several aggregates at once, and each aggregate's events one at a time in order.</summary>
public sealed class ConcurrentConsumerTests
{
    private const int Aggregates = 24;
    private const int Versions = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _publisher = "membership-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _consumer = "reporting-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task events_of_many_interleaved_aggregates_are_handled_concurrently_yet_in_order_per_aggregate()
    {
        var bus = await Environments.RabbitMqBusAsync();
        await using var consumer = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_consumer] = await Environments.StorageAsync(Environments.Postgres, _consumer),
        }, events => events.AddService(_consumer, service => service.AddHandler<JitteryProjection>()));
        await using var publisher = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_publisher] = await Environments.StorageAsync(Environments.Postgres, _publisher),
        }, events => events.AddService(_publisher));
        var aggregates = Enumerable.Range(1, Aggregates).Select(a => $"group-{a}").ToList();

        // Version by version across all aggregates, from concurrent writers: the queue holds them interleaved.
        for (var version = 1; version <= Versions; version++)
        {
            await Task.WhenAll(aggregates.Select(aggregate => Producer.CommitAsync(publisher.Store(_publisher), Producer.Event(aggregate, version))));
        }

        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var aggregate in aggregates)
                {
                    if ((await Environments.VersionsSeenAsync(consumer.Store(_consumer), aggregate)).Count < Versions)
                    {
                        return false;
                    }
                }
                return true;
            },
            Patience,
            $"{Versions} events for each of {Aggregates} aggregates");
        await Task.Delay(300); // A duplicate would land now.
        foreach (var aggregate in aggregates)
        {
            Assert.Equal(Enumerable.Range(1, Versions).Select(v => (long)v), await Environments.VersionsSeenAsync(consumer.Store(_consumer), aggregate));
        }
        Assert.True(JitteryProjection.MostAtOnce > 1, $"handled one at a time (at most {JitteryProjection.MostAtOnce} at once)");
    }
}
