using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>
/// Two reporting replicas on one PostgreSQL database and one RabbitMQ virtual host: projections share a durable queue
/// (each event projected once), the live feeds each have a temporary queue of their own (every replica sees every event).
/// </summary>
public sealed class ReplicaLiveFeedTests
{
    private const string Net = ReportingHost.Network;

    [Fact(Timeout = 240_000)]
    public async Task a_feed_open_on_each_replica_receives_an_event_published_once()
    {
        var rabbit = await RabbitMqServer.SharedAsync();
        var virtualHost = await rabbit.CreateVirtualHostAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("reporting_replicas"),
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = rabbit.Host,
            ["Bus:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:RabbitMq:VirtualHost"] = virtualHost,
            ["Bus:RabbitMq:Username"] = rabbit.Username,
            ["Bus:RabbitMq:Password"] = rabbit.Password,
        };
        await using var first = await ReportingHost.StartAsync(settings);
        await using var second = await ReportingHost.StartAsync(settings);
        using var firstFeed = first.Client.WatchEvents(new WatchEventsRequest { NetworkId = Net }, first.As(Roles.DashboardReader));
        using var secondFeed = second.Client.WatchEvents(new WatchEventsRequest { NetworkId = Net }, second.As(Roles.DashboardReader));
        await firstFeed.ResponseHeadersAsync;
        await secondFeed.ResponseHeadersAsync;
        var scheduled = LiveFeedTests.Scheduled("m-replicas", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

        await first.PublishAsync(scheduled);

        var seenByFirst = await LiveFeedTests.NextAsync(firstFeed.ResponseStream, TimeSpan.FromSeconds(60));
        var seenBySecond = await LiveFeedTests.NextAsync(secondFeed.ResponseStream, TimeSpan.FromSeconds(60));
        Assert.Equal(scheduled.EventId.ToString(), seenByFirst?.EventId);
        Assert.Equal(scheduled.EventId.ToString(), seenBySecond?.EventId);
        var health = await second.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 }, second.As(Roles.DashboardReader));
        Assert.Equal(1, health.EventsSeen);

        var queues = await QueuesAsync(rabbit, virtualHost);
        var liveQueues = queues.Where(q => q.Name.Contains("live-feed-listener", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, liveQueues.Count);
        Assert.All(liveQueues, q => Assert.Equal((false, true, 1), (q.Durable, q.Exclusive, q.Consumers)));
        Assert.All(liveQueues, q => Assert.Contains("x-expires", q.Arguments, StringComparison.Ordinal));
        Assert.True(Assert.Single(queues, q => q.Name == "reporting.reporting-event-handler").Durable);

        await second.DisposeAsync();
        Assert.Single(await QueuesAsync(rabbit, virtualHost), q => q.Name.Contains("live-feed-listener", StringComparison.Ordinal));
    }

    private sealed record Queue(string Name, bool Durable, bool Exclusive, int Consumers, string Arguments);

    private static async Task<List<Queue>> QueuesAsync(RabbitMqServer rabbit, string virtualHost) =>
        (await rabbit.CtlAsync("list_queues", "-p", virtualHost, "--no-table-headers", "name", "durable", "exclusive", "consumers", "arguments"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Select(q => new Queue(q[0], q[1] == "true", q[2] == "true", int.Parse(q[3], System.Globalization.CultureInfo.InvariantCulture), q[4]))
            .ToList();
}
