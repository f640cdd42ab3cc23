using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>ListGroupMeetingFacts: a group's meetings of a year as a few figures each, in start order, paged.</summary>
public sealed class GroupMeetingFactsTests
{
    private const string Net = ReportingHost.Network;

    private static readonly DateTimeOffset Feb10 = new(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jun1 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    // Meetings are scheduled first and their outcomes published once the schedules are in: a cancellation that arrived
    // before its meeting would be about a meeting the reporting service never heard of.
    private static readonly IDomainEvent[] Schedules =
    [
        Scheduled("m1", "wg-1", "StartUp", Feb10),
        Scheduled("m2", "wg-1", "PartnerMeeting", new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.Zero)),
        Scheduled("m3", "wg-1", "Interim", new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero)),
        Scheduled("m4", "wg-1", "Interim", Jun1),
        Scheduled("last-year", "wg-1", "Interim", new DateTimeOffset(2025, 12, 31, 22, 0, 0, TimeSpan.Zero)),
        Scheduled("other-group", "wg-2", "Interim", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)),
    ];

    private static readonly IDomainEvent[] Outcomes =
    [
        new AttendanceRecorded(Guid.NewGuid(), Feb10.AddHours(2), Net, "m1", 2, "m1", "wg-1", "StartUp", Feb10,
            [new AttendanceMark("ada", "Present"), new AttendanceMark("ben", "Absent")], 2, 1, true),
        Published("m1", "wg-1", Feb10, Feb10.AddHours(3)),
        new MeetingCancelled(Guid.NewGuid(), Feb10, Net, "m3", 2, "m3", "wg-1", "Interim", new DateTimeOffset(2026, 5, 1, 9, 0, 0,
            TimeSpan.Zero), "no quorum", 1),
        Published("m4", "wg-1", Jun1, Jun1.AddDays(5).AddHours(2)),
    ];

    [Fact]
    public async Task a_groups_meetings_of_the_year_come_in_start_order_as_figures_page_by_page()
    {
        await using var host = await ReportingHost.StartAsync();
        var reader = host.As(Roles.DashboardReader);
        await PublishAndWaitAsync(host, reader);

        var first = await host.Client.ListGroupMeetingFactsAsync(Request(pageSize: 3), reader);
        var second = await host.Client.ListGroupMeetingFactsAsync(Request(pageSize: 3, first.NextPageToken), reader);

        Assert.Equal(["m1", "m2", "m3"], first.MeetingFacts.Select(m => m.MeetingId));
        Assert.NotEmpty(first.NextPageToken);
        Assert.Equal(["m4"], second.MeetingFacts.Select(m => m.MeetingId));
        Assert.Empty(second.NextPageToken);
        var (held, planned, cancelled, late) = (first.MeetingFacts[0], first.MeetingFacts[1], first.MeetingFacts[2], second.MeetingFacts[0]);
        Assert.Equal(("START_UP", MeetingFactState.Held, 2, 1, (int?)0), (held.Kind, held.State, held.AttendanceRecorded, held.Present,
            held.MinutesDelayDays));
        Assert.Equal(Feb10, held.StartTime.ToDateTimeOffset());
        Assert.Equal(("PARTNER_MEETING", MeetingFactState.Planned), (planned.Kind, planned.State));
        Assert.Null(planned.MinutesDelayDays);
        Assert.Equal(MeetingFactState.Cancelled, cancelled.State);
        Assert.Equal((MeetingFactState.Held, (int?)5), (late.State, late.MinutesDelayDays));
    }

    [Fact]
    public async Task over_json_a_delay_of_zero_days_is_sent_and_a_missing_one_is_not()
    {
        await using var host = await ReportingHost.StartAsync();
        await PublishAndWaitAsync(host, host.As(Roles.DashboardReader));
        using var http = new HttpClient { BaseAddress = host.HttpAddress, DefaultRequestVersion = HttpVersion.Version11 };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(Roles.DashboardReader));

        using var page = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/v1/networks/{Net}/groupMeetingFacts/wg-1/years/2026",
            UriKind.Relative)));

        var facts = page.RootElement.GetProperty("meetingFacts").EnumerateArray().ToList();
        Assert.Equal(0, facts[0].GetProperty("minutesDelayDays").GetInt32());
        Assert.False(facts[1].TryGetProperty("minutesDelayDays", out _));
        Assert.Equal("MEETING_FACT_STATE_PLANNED", facts[1].GetProperty("state").GetString());
    }

    [Fact]
    public async Task another_network_is_refused_and_bad_fields_are_named()
    {
        await using var host = await ReportingHost.StartAsync();
        var reader = host.As(Roles.DashboardReader);

        var other = await Assert.ThrowsAsync<RpcException>(() => host.Client.ListGroupMeetingFactsAsync(
            new ListGroupMeetingFactsRequest { NetworkId = "another-network", GroupId = "wg-1", Year = 2026 }, reader).ResponseAsync);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => host.Client.ListGroupMeetingFactsAsync(
            new ListGroupMeetingFactsRequest { NetworkId = Net, GroupId = "", Year = 1999, PageSize = -1 }, reader).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(["group_id", "year", "page_size"],
            invalid.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    private static ListGroupMeetingFactsRequest Request(int pageSize, string pageToken = "") =>
        new() { NetworkId = Net, GroupId = "wg-1", Year = 2026, PageSize = pageSize, PageToken = pageToken };

    private static MeetingScheduled Scheduled(string id, string group, string kind, DateTimeOffset start) =>
        new(Guid.NewGuid(), start.AddDays(-20), Net, id, 1, id, group, kind, "Meeting " + id, start, start.AddHours(2), "Europe/Oslo",
            "Oslo", "");

    private static MinutesPublished Published(string id, string group, DateTimeOffset start, DateTimeOffset at) =>
        new(Guid.NewGuid(), at, Net, id, 3, id, group, "Interim", id, start, "Minutes", [], [], []);

    private static async Task PublishAndWaitAsync(ReportingHost host, Metadata reader)
    {
        await PublishAndWaitAsync(host, reader, Schedules, Schedules.Length);
        await PublishAndWaitAsync(host, reader, Outcomes, Schedules.Length + Outcomes.Length);
    }

    private static async Task PublishAndWaitAsync(ReportingHost host, Metadata reader, IDomainEvent[] events, int expectedEvents)
    {
        foreach (var domainEvent in events)
        {
            await host.PublishAsync(domainEvent);
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 }, reader)).EventsSeen
            < expectedEvents)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The reporting service did not consume {expectedEvents} events within 30 s.");
            await Task.Delay(50);
        }
    }
}
