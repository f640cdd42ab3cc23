using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Application;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Storage;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>
/// The event log as a consumer replays it: ReadEvents pages from a position or a time, WatchEvents sends the history from
/// a position and then the new events, each once and in position order; every type is logged, the envelope is the broker's.
/// </summary>
public sealed class EventReplayTests
{
    private const string Net = ReportingHost.Network;

    private static GroupActivated Activated(string groupId) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, Net, groupId, 2, groupId, $"Group {groupId}", "WorkingGroup", "p-leader", "board",
            "2026/7");

    [Fact(Timeout = 120_000)]
    public async Task read_events_pages_the_log_in_position_order_from_a_position_a_time_or_a_token_with_the_broker_envelope()
    {
        await using var host = await ReportingHost.StartAsync();
        var reader = host.As(Roles.DashboardReader);
        var activated = Activated("wg-replay");
        var published = new IDomainEvent[]
        {
            ReportingHost.Group("wg-replay"), activated,
            LiveFeedTests.Scheduled("m1", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)),
            LiveFeedTests.Scheduled("m2", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)),
            ReportingHost.Organisation("org-replay"),
        };
        foreach (var domainEvent in published)
        {
            await host.PublishAsync(domainEvent);
        }

        var all = await ReadAllAsync(host, new ReadEventsRequest { NetworkId = Net, PageSize = 2 }, published.Length);

        Assert.Equal([1L, 2, 3, 4, 5], all.Select(e => e.Position));
        Assert.Equal(published.Select(e => e.EventId.ToString()).Order(), all.Select(e => e.EventId).Order());
        var logged = all.Single(e => e.EventId == activated.EventId.ToString());
        Assert.Equal(("GroupActivated", Net, "Group", "wg-replay", 2L), (logged.Kind, logged.NetworkId, logged.AggregateType,
            logged.AggregateId, logged.AggregateVersion));
        Assert.Equal(JsonSerializer.Serialize(activated, WireFormat.EventBody), logged.PayloadJson);

        var fromThree = await host.Client.ReadEventsAsync(new ReadEventsRequest { NetworkId = Net, StartPosition = 3 }, reader);
        Assert.Equal([3L, 4, 5], fromThree.Events.Select(e => e.Position));
        Assert.Equal(("", 6L), (fromThree.NextPageToken, fromThree.NextPosition));
        var meetings = await host.Client.ReadEventsAsync(
            new ReadEventsRequest { NetworkId = Net, Kinds = { "MeetingScheduled" } }, reader);
        Assert.Equal(["m1", "m2"], meetings.Events.Select(e => e.AggregateId).Order());
        var earliest = all.MinBy(e => e.OccurredAt.ToDateTimeOffset())!;
        var fromTime = await host.Client.ReadEventsAsync(
            new ReadEventsRequest { NetworkId = Net, StartTime = earliest.OccurredAt }, reader);
        Assert.Equal(earliest.Position, fromTime.Events[0].Position);
        var pastTheEnd = await host.Client.ReadEventsAsync(
            new ReadEventsRequest { NetworkId = Net, StartTime = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(1)) }, reader);
        Assert.Equal((0, 6L), (pastTheEnd.Events.Count, pastTheEnd.NextPosition));
    }

    [Fact(Timeout = 240_000)]
    public async Task watch_from_a_position_sends_the_history_then_the_live_events_without_gap_or_duplicate_while_appends_race()
    {
        await using var host = await ReportingHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("reporting_replay"),
        });
        var reader = host.As(Roles.DashboardReader);
        await host.AnnounceAsync(ReportingHost.Organisation("org-a"));
        const int Before = 10, During = 30;
        for (var i = 0; i < Before; i++)
        {
            await host.PublishAsync(LiveFeedTests.Scheduled($"before{i}", new DateTimeOffset(2026, 4, 1 + i, 9, 0, 0, TimeSpan.Zero)));
        }

        using var watch = host.Client.WatchEvents(new WatchEventsRequest { NetworkId = Net, StartPosition = 0 }, reader);
        await watch.ResponseHeadersAsync;
        // Commands (reporting's own events) and consumed events append at once, while the stream catches up.
        var appends = Enumerable.Range(0, During).Select(i => i % 2 == 0
            ? host.PublishAsync(LiveFeedTests.Scheduled($"during{i}", new DateTimeOffset(2026, 5, 1 + i, 9, 0, 0, TimeSpan.Zero)))
            : host.Client.LogLearningActivityAsync(new LogLearningActivityRequest
            {
                NetworkId = Net, Kind = LearningKind.PeerGuidance, OrganisationId = "org-a", Hours = 1, Participants = 2,
                Date = new CalendarDate { Year = 2026, Month = 3, Day = 1 + i }, Description = $"Peer guidance {i}",
            }, host.As(Roles.Representative)).ResponseAsync);
        await Task.WhenAll(appends);

        var received = new List<EventEnvelope>();
        while (received.Count < 1 + Before + During)
        {
            received.Add(await LiveFeedTests.NextAsync(watch.ResponseStream, TimeSpan.FromSeconds(30))
                ?? throw new Xunit.Sdk.XunitException($"The stream stopped at {received.Count} of {1 + Before + During} events."));
        }
        var extra = await LiveFeedTests.NextAsync(watch.ResponseStream, TimeSpan.FromSeconds(1));

        Assert.Null(extra);
        Assert.Equal(Enumerable.Range(1, 1 + Before + During).Select(p => (long)p), received.Select(e => e.Position));
        Assert.Equal(received.Count, received.Select(e => e.EventId).Distinct().Count());
        var replayed = await ReadAllAsync(host, new ReadEventsRequest { NetworkId = Net, PageSize = 7 }, received.Count);
        Assert.Equal(received.Select(e => (e.Position, e.EventId)), replayed.Select(e => (e.Position, e.EventId)));
    }

    [Fact(Timeout = 120_000)]
    public async Task watch_without_a_start_sends_only_what_is_logged_from_then_on_and_filters_kinds()
    {
        await using var host = await ReportingHost.StartAsync();
        var reader = host.As(Roles.DashboardReader);
        await host.AnnounceAsync(ReportingHost.Group("wg-old"));

        using var watch = host.Client.WatchEvents(new WatchEventsRequest { NetworkId = Net, Kinds = { "GroupActivated" } }, reader);
        await watch.ResponseHeadersAsync;
        var activated = Activated("wg-old");
        await host.PublishAsync(LiveFeedTests.Scheduled("m-skipped", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)));
        await host.PublishAsync(activated);

        var first = await LiveFeedTests.NextAsync(watch.ResponseStream, TimeSpan.FromSeconds(30));
        Assert.Equal((activated.EventId.ToString(), 3L), (first?.EventId, first?.Position));
    }

    [Fact(Timeout = 120_000)]
    public async Task another_networks_caller_is_refused_and_bad_input_names_each_field()
    {
        await using var host = await ReportingHost.StartAsync();
        var reader = host.As(Roles.DashboardReader);

        var read = await Assert.ThrowsAsync<RpcException>(() => host.Client.ReadEventsAsync(
            new ReadEventsRequest { NetworkId = "another-network", StartPosition = -1 }, reader).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        using (var otherWatch = host.Client.WatchEvents(new WatchEventsRequest { NetworkId = "another-network" }, reader))
        {
            var watched = await Assert.ThrowsAsync<RpcException>(() => otherWatch.ResponseStream.MoveNext());
            Assert.Equal(StatusCode.PermissionDenied, watched.StatusCode);
        }

        var invalid = await Assert.ThrowsAsync<RpcException>(() => host.Client.ReadEventsAsync(new ReadEventsRequest
        {
            NetworkId = Net, StartPosition = -1, PageSize = -5, PageToken = "not-a-token", Kinds = { "MeetingScheduled", "NoSuchEvent" },
        }, reader).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(["kinds", "page_size", "page_token", "start_position"],
            invalid.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field).Order());
        using var badWatch = host.Client.WatchEvents(new WatchEventsRequest
        {
            NetworkId = Net, Kinds = { "x" },
            StartTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(1200, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        }, reader);
        var badWatched = await Assert.ThrowsAsync<RpcException>(() => badWatch.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.InvalidArgument, badWatched.StatusCode);
        Assert.Equal(["kinds", "start_time"],
            badWatched.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field).Order());
    }

    [Fact(Timeout = 120_000)]
    public async Task a_rebuild_reports_the_logged_events_it_replayed_and_the_read_models_it_rebuilt()
    {
        await using var host = await ReportingHost.StartAsync();
        var published = new IDomainEvent[]
        {
            ReportingHost.Group("wg-rebuild"), Activated("wg-rebuild"),
            LiveFeedTests.Scheduled("m-rebuild", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)),
        };
        foreach (var domainEvent in published)
        {
            await host.PublishAsync(domainEvent);
        }
        await ReadAllAsync(host, new ReadEventsRequest { NetworkId = Net }, published.Length);

        using var rebuild = host.Client.RebuildProjections(new RebuildProjectionsRequest { NetworkId = Net }, host.As(Roles.Operator));
        var progress = new List<RebuildProgress>();
        while (await rebuild.ResponseStream.MoveNext())
        {
            progress.Add(rebuild.ResponseStream.Current);
        }

        var done = progress[^1];
        Assert.True(done.Done);
        Assert.Equal((3L, 3L), (done.EventsReplayed, done.EventsTotal));
        Assert.Contains("meetings", done.Projections);
        Assert.Contains("3 logged events", done.Message, StringComparison.Ordinal);
        var health = await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 },
            host.As(Roles.DashboardReader));
        Assert.Equal(done.EventsReplayed, health.EventsSeen);
    }

    [Fact(Timeout = 120_000)]
    public async Task a_rebuild_numbers_the_events_logged_before_the_log_had_positions_in_the_order_they_happened()
    {
        await using var host = await ReportingHost.StartAsync();
        var store = host.Services.GetRequiredKeyedService<IDocumentStore>(ReportingModule.ServiceName);
        var newer = Activated("wg-newer");
        await host.PublishAsync(newer);
        await ReadAllAsync(host, new ReadEventsRequest { NetworkId = Net }, 1);
        var older = new[] { Activated("wg-old-1"), Activated("wg-old-2") };
        await using (var uow = await store.BeginAsync())
        {
            foreach (var domainEvent in older)
            {
                // As the log kept events before positions: the outbox's JSON, no position, network or aggregate type.
                await uow.InsertAsync(ReportingCollections.EventLog, Net, new LoggedEvent(
                    LoggedEvent.IdFor(domainEvent.EventId, domainEvent.OccurredAt), domainEvent.EventId, nameof(GroupActivated),
                    typeof(GroupActivated).FullName!, domainEvent.AggregateId, domainEvent.AggregateVersion, domainEvent.OccurredAt,
                    JsonSerializer.Serialize(domainEvent, UnitOfWorkEventExtensions.EventJson), 0, null!, null!));
            }
            await uow.CommitAsync();
        }
        var reader = host.As(Roles.DashboardReader);
        var recent = await host.Client.ListRecentEventsAsync(new ListRecentEventsRequest { NetworkId = Net }, reader);
        Assert.Equal(newer.EventId.ToString(), Assert.Single(recent.Events).EventId);

        using (var rebuild = host.Client.RebuildProjections(new RebuildProjectionsRequest { NetworkId = Net }, host.As(Roles.Operator)))
        {
            while (await rebuild.ResponseStream.MoveNext())
            {
            }
        }

        var all = await ReadAllAsync(host, new ReadEventsRequest { NetworkId = Net }, 3);
        Assert.Equal([(1L, newer.EventId.ToString()), (2, older[0].EventId.ToString()), (3, older[1].EventId.ToString())],
            all.Select(e => (e.Position, e.EventId)));
        Assert.All(all.Skip(1), e => Assert.Equal((Net, "Group"), (e.NetworkId, e.AggregateType)));
        Assert.Equal(JsonSerializer.Serialize(older[0], WireFormat.EventBody), all[1].PayloadJson);
    }

    /// <summary>Every event of the log, page by page, once it holds <paramref name="expected"/> of them.</summary>
    private static async Task<List<EventEnvelope>> ReadAllAsync(ReportingHost host, ReadEventsRequest first, int expected)
    {
        var reader = host.As(Roles.DashboardReader);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var events = new List<EventEnvelope>();
            var request = first.Clone();
            ReadEventsResponse page;
            do
            {
                page = await host.Client.ReadEventsAsync(request, reader);
                events.AddRange(page.Events);
                request.PageToken = page.NextPageToken;
            }
            while (page.NextPageToken.Length > 0);
            if (events.Count >= expected)
            {
                return events;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The log held {events.Count} of {expected} events after 30 s.");
            await Task.Delay(50);
        }
    }
}
