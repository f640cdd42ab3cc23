using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;

namespace NetworkPlatform.Messaging.Tests.Delivery;

/// <summary>The publishing service is a separate process, killed with SIGKILL: the outbox carries its events over the crash.</summary>
public sealed class PublisherCrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _publisher = "membership-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _consumer = "reporting-" + Guid.NewGuid().ToString("N")[..6];

    [Theory]
    [InlineData(Environments.Sqlite)]
    [InlineData(Environments.Postgres)]
    public async Task events_committed_before_the_publisher_was_killed_are_published_after_restart_exactly_once(string storage)
    {
        var bus = await Environments.RabbitMqBusAsync();
        await using var consumer = await StartConsumerAsync(bus, storage);
        var configuration = await Environments.ProcessAsync(bus, storage, _publisher);

        // Commit three events and die before any relay ran.
        await using (var crashed = PublisherProcess.Start(configuration, "commit", _publisher, "group-1", "3"))
        {
            await crashed.WaitForLineAsync("done", Patience);
            await crashed.KillAsync();
        }
        await Task.Delay(500);
        Assert.Empty(await Environments.VersionsSeenAsync(consumer.Store(_consumer), "group-1"));

        await using var restarted = PublisherProcess.Start(configuration, "relay", _publisher);
        await Eventually.HoldsAsync(
            async () => (await Environments.VersionsSeenAsync(consumer.Store(_consumer), "group-1")).Count >= 3, Patience, "the three events after restart");
        await Task.Delay(500);
        Assert.Equal([1, 2, 3], await Environments.VersionsSeenAsync(consumer.Store(_consumer), "group-1"));
    }

    [Theory]
    [InlineData(Environments.Sqlite)]
    [InlineData(Environments.Postgres)]
    public async Task killing_the_publisher_while_it_relays_loses_and_duplicates_nothing(string storage)
    {
        var bus = await Environments.RabbitMqBusAsync();
        await using var consumer = await StartConsumerAsync(bus, storage);
        var configuration = await Environments.ProcessAsync(bus, storage, _publisher);

        int committed;
        await using (var crashed = PublisherProcess.Start(configuration, "produce", _publisher, "group-1", "1000"))
        {
            await crashed.WaitForLineAsync("committed 40", Patience);
            await crashed.KillAsync(); // Mid-stream: some events sent, some published but not marked, some not published.
            committed = 40;
        }

        await using var restarted = PublisherProcess.Start(configuration, "relay", _publisher);
        await Eventually.HoldsAsync(
            async () => (await Environments.VersionsSeenAsync(consumer.Store(_consumer), "group-1")).Count >= committed, Patience, $"at least {committed} events");
        await Task.Delay(1000);
        var seen = await Environments.VersionsSeenAsync(consumer.Store(_consumer), "group-1");
        // Whatever was committed before the kill (at least the 40 printed) arrives once each, in order.
        Assert.Equal(Enumerable.Range(1, seen.Count).Select(v => (long)v), seen);
        Assert.InRange(seen.Count, committed, 1000);
    }

    private async Task<ServiceHost> StartConsumerAsync(Dictionary<string, string?> bus, string storage) =>
        await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_consumer] = await Environments.StorageAsync(storage, _consumer),
        }, events => events.AddService(_consumer, service => service.AddHandler<AggregateLogProjection>()));
}
