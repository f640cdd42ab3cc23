using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Storage;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>events_seen comes from a counter kept in the transaction that appends to the event log, even when appends race.</summary>
public sealed class EventCountTests
{
    private const string Net = ReportingHost.Network;

    [Fact(Timeout = 180_000)]
    public async Task events_seen_counts_every_logged_event_when_commands_and_consumers_append_at_once()
    {
        await using var host = await ReportingHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("reporting_counter"),
        });
        const int Each = 20;
        var representative = host.As(Roles.Representative);
        await host.AnnounceAsync(ReportingHost.Organisation("org-a"));
        const int Announced = 1;

        var commands = Enumerable.Range(0, Each).Select(i => host.Client.LogLearningActivityAsync(new LogLearningActivityRequest
        {
            NetworkId = Net, Kind = LearningKind.PeerGuidance, OrganisationId = "org-a", Date = new CalendarDate { Year = 2026, Month = 3, Day = 1 + i },
            Hours = 1, Participants = 2, Description = $"Peer guidance {i}",
        }, representative).ResponseAsync);
        var consumed = Enumerable.Range(0, Each).Select(i => host.PublishAsync(LiveFeedTests.Scheduled($"m{i}", new DateTimeOffset(2026, 4, 1 + i, 9, 0, 0, TimeSpan.Zero))));
        await Task.WhenAll(commands.Cast<Task>().Concat(consumed));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        long seen;
        while ((seen = (await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 },
            representative)).EventsSeen) < 2 * Each + Announced)
        {
            Assert.True(DateTime.UtcNow < deadline, $"events_seen stayed at {seen} of {2 * Each + Announced}.");
            await Task.Delay(100);
        }
        await Task.Delay(300);
        var health = await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 }, representative);

        Assert.Equal(2 * Each + Announced, health.EventsSeen);
        Assert.Equal(2 * Each + Announced, await LoggedEventsAsync(host));
    }

    private static async Task<int> LoggedEventsAsync(ReportingHost host)
    {
        var store = host.Services.GetRequiredKeyedService<IDocumentStore>(ReportingModule.ServiceName);
        var count = 0;
        string? token = null;
        do
        {
            var page = await store.QueryAsync(ReportingCollections.EventLog, Net, ReportingCollections.EventLog.Query().Page(500, token));
            count += page.Items.Count;
            token = page.NextPageToken;
        }
        while (token is not null);
        return count;
    }
}
