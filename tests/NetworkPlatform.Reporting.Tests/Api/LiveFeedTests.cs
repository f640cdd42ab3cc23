using NetworkPlatform.Events;
using NetworkPlatform.Events.Meetings;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>The live feeds of one replica (in-memory bus): health updates coalesce bursts, an event shows once.</summary>
public sealed class LiveFeedTests
{
    private const string Net = ReportingHost.Network;

    internal static MeetingScheduled Scheduled(string id, DateTimeOffset start) =>
        new(Guid.NewGuid(), start.AddDays(-20), Net, id, 1, id, "wg-1", "Interim", "Meeting " + id, start, start.AddHours(2), "Europe/Oslo", "Oslo", "");

    private static AttendanceRecorded Attendance(string id, DateTimeOffset start) =>
        new(Guid.NewGuid(), start.AddHours(2), Net, id, 2, id, "wg-1", "Interim", start, [new AttendanceMark("ada", "Present"), new AttendanceMark("ben", "Absent")], 2, 1, true);

    /// <summary>The next message, or null when none comes before <paramref name="wait"/> is over.</summary>
    internal static async Task<T?> NextAsync<T>(IAsyncStreamReader<T> stream, TimeSpan wait)
        where T : class
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await stream.MoveNext(timeout.Token) ? stream.Current : null;
        }
        catch (Exception e) when (timeout.IsCancellationRequested && e is OperationCanceledException or RpcException)
        {
            return null;
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task a_burst_of_events_gives_one_or_few_health_updates_with_the_final_figures()
    {
        await using var host = await ReportingHost.StartAsync();
        using var watch = host.Client.WatchNetworkHealth(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 }, host.As(Roles.DashboardReader));
        var initial = await NextAsync(watch.ResponseStream, TimeSpan.FromSeconds(30));
        Assert.Equal(0, initial!.EventsSeen);
        const int Meetings = 15;

        var burst = new List<IDomainEvent>();
        for (var i = 0; i < Meetings; i++)
        {
            var start = new DateTimeOffset(2026, 2, 1 + i, 9, 0, 0, TimeSpan.Zero);
            burst.Add(Scheduled($"m{i}", start));
            burst.Add(Attendance($"m{i}", start));
        }
        foreach (var domainEvent in burst)
        {
            await host.PublishAsync(domainEvent);
        }

        var updates = new List<NetworkHealth>();
        while (updates.LastOrDefault()?.EventsSeen != burst.Count)
        {
            updates.Add(await NextAsync(watch.ResponseStream, TimeSpan.FromSeconds(30))
                ?? throw new Xunit.Sdk.XunitException($"No health update with all {burst.Count} events within 30 s; got {updates.Count}."));
        }
        var afterwards = await NextAsync(watch.ResponseStream, TimeSpan.FromSeconds(1.5));

        Assert.Null(afterwards);
        Assert.InRange(updates.Count, 1, 3);
        var final = updates[^1];
        Assert.Equal(Meetings, final.HeldMeetings);
        Assert.Equal((Meetings, 2 * Meetings), (final.Attendance.Numerator, final.Attendance.Denominator));
    }

    [Fact(Timeout = 120_000)]
    public async Task an_event_delivered_twice_shows_once_on_the_event_feed()
    {
        await using var host = await ReportingHost.StartAsync();
        using var watch = host.Client.WatchEvents(new WatchEventsRequest { NetworkId = Net }, host.As(Roles.DashboardReader));
        await watch.ResponseHeadersAsync;
        var scheduled = Scheduled("m-twice", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var marker = Scheduled("m-marker", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

        await host.PublishAsync(scheduled);
        await host.PublishAsync(scheduled);
        await host.PublishAsync(marker);

        var first = await NextAsync(watch.ResponseStream, TimeSpan.FromSeconds(30));
        var second = await NextAsync(watch.ResponseStream, TimeSpan.FromSeconds(30));
        Assert.Equal((scheduled.EventId.ToString(), "MeetingScheduled"), (first!.EventId, first.Kind));
        Assert.Equal(marker.EventId.ToString(), second!.EventId);
    }
}
