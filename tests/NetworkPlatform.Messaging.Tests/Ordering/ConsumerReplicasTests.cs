using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage.Hosting;

namespace NetworkPlatform.Messaging.Tests.Ordering;

/// <summary>
/// Replicas of a consuming service: two processes consume one queue on one database (as two pods of a Deployment do),
/// and each aggregate's events are still handled once each and in order, also when the replica consuming is killed.
/// </summary>
public sealed class ConsumerReplicasTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _publisher = "membership-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _consumer = "reporting-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task two_consumer_processes_on_one_queue_keep_each_aggregates_order_across_a_kill()
    {
        var bus = await Environments.RabbitMqBusAsync();
        var replica = await Environments.ProcessAsync(bus, Environments.Postgres, _consumer);
        await using var first = PublisherProcess.Start(replica, "consume", _consumer);
        await first.WaitForLineAsync("started", Patience);
        await using var second = PublisherProcess.Start(replica, "consume", _consumer);
        await second.WaitForLineAsync("started", Patience);
        await using var publisher = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_publisher] = await Environments.StorageAsync(Environments.Postgres, _publisher),
        }, events => events.AddService(_publisher));
        var (store, _, _) = StorageServiceCollectionExtensions.CreateAdapter(
            new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = replica["Storage:ConnectionString"] }, _consumer);

        const int Versions = 120;
        var aggregates = Enumerable.Range(1, 4).Select(i => $"group-{i}").ToList();
        var produced = Task.WhenAll(aggregates.Select(async aggregate =>
        {
            for (var version = 1; version <= Versions; version++)
            {
                await Producer.CommitAsync(publisher.Store(_publisher), Producer.Event(aggregate, version));
            }
        }));
        // Whichever replica consumes, kill the first mid-stream: the other one carries on where it stopped.
        await Eventually.HoldsAsync(async () => (await Environments.VersionsSeenAsync(store, "group-1")).Count >= Versions / 4, Patience, "a quarter of the events");
        await first.KillAsync();
        await produced;

        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && (await Task.WhenAll(aggregates.Select(a => Environments.VersionsSeenAsync(store, a)))).Any(v => v.Count < Versions))
        {
            await Task.Delay(100);
        }
        await Task.Delay(500);
        var expected = Enumerable.Range(1, Versions).Select(v => (long)v).ToList();
        foreach (var aggregate in aggregates)
        {
            Assert.Equal(expected, await Environments.VersionsSeenAsync(store, aggregate));
        }
    }
}
