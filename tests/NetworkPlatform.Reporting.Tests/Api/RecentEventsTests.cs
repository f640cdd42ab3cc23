using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>ListRecentEvents: what a live panel shows on open, the network's latest events, newest first.</summary>
public sealed class RecentEventsTests
{
    private const string Net = ReportingHost.Network;

    [Fact]
    public async Task the_latest_events_come_newest_first_as_many_as_asked_and_only_of_the_callers_network()
    {
        await using var host = await ReportingHost.StartAsync();
        var reader = host.As(Roles.DashboardReader);
        foreach (var day in new[] { 3, 1, 2 })
        {
            await host.PublishAsync(LiveFeedTests.Scheduled($"m{day}", new DateTimeOffset(2026, 3, day, 9, 0, 0, TimeSpan.Zero)));
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await host.Client.ListRecentEventsAsync(new ListRecentEventsRequest { NetworkId = Net }, reader)).Events.Count < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "The reporting service did not log 3 events within 30 s.");
            await Task.Delay(50);
        }

        var latest = await host.Client.ListRecentEventsAsync(new ListRecentEventsRequest { NetworkId = Net, PageSize = 2 }, reader);

        Assert.Equal(["m3", "m2"], latest.Events.Select(e => e.AggregateId));
        var other = await Assert.ThrowsAsync<RpcException>(() => host.Client.ListRecentEventsAsync(
            new ListRecentEventsRequest { NetworkId = "another-network" }, reader).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        var negative = await Assert.ThrowsAsync<RpcException>(() => host.Client.ListRecentEventsAsync(
            new ListRecentEventsRequest { NetworkId = Net, PageSize = -1 }, reader).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, negative.StatusCode);
    }
}
