using System.Net;
using System.Net.Http.Headers;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Events.Membership;
using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.V1;
using MeasureStatus = NetworkPlatform.Common.V1.MeasureStatus;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>The reporting service end to end: events arrive on the bus, figures come out of the gRPC API and the dashboard.</summary>
public sealed class ReportingServiceTests : IAsyncLifetime
{
    private const string Net = ReportingHost.Network;
    private static readonly DateTimeOffset Jan = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private ReportingHost host = null!;

    // Phase 1: who represents whom, who is in the working group, its measures. Phase 2: what happened in meetings.
    private static readonly IDomainEvent[] Setup =
    [
        ReportingHost.Group("wg-1"),
        ReportingHost.Group("wg-2"),
        ReportingHost.Organisation("org-a"),
        ReportingHost.Organisation("org-b"),
        new RepresentativeAppointed(Guid.NewGuid(), Jan, Net, "r-ada", 1, "r-ada", "org-a", "ada", "Representative", 4, "Manager A", Jan.AddDays(-4), "secretariat"),
        new RepresentativeAppointed(Guid.NewGuid(), Jan, Net, "r-ben", 1, "r-ben", "org-b", "ben", "Representative", 3, "Manager B", Jan.AddDays(-4), "secretariat"),
        new ParticipantJoined(Guid.NewGuid(), Jan, Net, "wg-1", 1, "wg-1", "ada", "org-a", true),
        new ParticipantJoined(Guid.NewGuid(), Jan, Net, "wg-1", 2, "wg-1", "ben", "org-b", true),
        new MeasureCreated(Guid.NewGuid(), Jan, Net, "t1", 1, "t1", 2026, "Anti-bullying week", null, "wg-1"),
        new MeasureCreated(Guid.NewGuid(), Jan, Net, "t1.1", 1, "t1.1", 2026, "Teaching material", "t1", "wg-1"),
        new MeasureCreated(Guid.NewGuid(), Jan, Net, "t1.2", 1, "t1.2", 2026, "Campaign", "t1", "wg-1"),
    ];

    private static readonly IDomainEvent[] Meetings =
    [
        Scheduled("m1", new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero)),
        Attendance("m1", new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero), ("ada", "Present"), ("ben", "Absent")),
        // Backfilled in November: published on 15 February, five days after the meeting (not 264 days).
        new MinutesPublished(Guid.NewGuid(), new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), Net, "m1", 3, "m1", "wg-1", "StartUp",
            "Start-up", new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero), "Minutes", [], [], [],
            BackfilledAt: new DateTimeOffset(2026, 2, 15, 9, 0, 0, TimeSpan.Zero)),
        Scheduled("m2", new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.Zero)),
        Attendance("m2", new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.Zero), ("ada", "Present"), ("ben", "Absent")),
        new CadenceBreached(Guid.NewGuid(), new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), Net, "wg-1", 1, "wg-1", 2026, "BeforePartnerMeeting",
            new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 30, 0, 0, 0, TimeSpan.Zero), "pm-1"),
    ];

    public async Task InitializeAsync()
    {
        host = await ReportingHost.StartAsync();
        await PublishAndWaitAsync(Setup, expectedEvents: Setup.Length);
        await PublishAndWaitAsync(Meetings, expectedEvents: Setup.Length + Meetings.Length);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task figures_from_a_known_sequence_of_events_are_exact()
    {
        var health = await HealthAsync();

        Assert.Equal(2, health.HeldMeetings);
        Assert.Equal((2, 4), (health.Attendance.Numerator, health.Attendance.Denominator));
        Assert.Equal((1, 2), (health.Documented.Numerator, health.Documented.Denominator));
        Assert.Equal(5d, health.MedianDaysToMinutes);
        Assert.Equal(1, health.CadenceBreaches);
        var group = Assert.Single(health.Groups);
        Assert.Equal(["ben"], group.StoppedComing);
        Assert.Equal((1, 2), (group.DropOut.Numerator, group.DropOut.Denominator));
        var orgA = health.Organisations.Single(o => o.OrganisationId == "org-a");
        Assert.Equal(48d, orgA.HoursSetAside);
        Assert.Equal(4d, orgA.HoursInMeetings);
        Assert.Equal((0, 2), (health.Persons.Single(p => p.PersonId == "ben").Attendance.Numerator, 2));
    }

    [Fact]
    public async Task replaying_the_same_events_changes_nothing()
    {
        var before = await HealthAsync();

        foreach (var domainEvent in Setup.Concat(Meetings))
        {
            await host.PublishAsync(domainEvent);
        }
        // A marker event proves the redeliveries were consumed before we compare.
        var marker = Scheduled("m-marker", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await PublishAndWaitAsync([marker], expectedEvents: Setup.Length + Meetings.Length + 1);

        var after = await HealthAsync();
        Assert.Equal(before.Attendance, after.Attendance);
        Assert.Equal(before.Documented, after.Documented);
        Assert.Equal(before.Groups, after.Groups);
        Assert.Equal(before.Organisations, after.Organisations);
        Assert.Equal(before.CadenceBreaches, after.CadenceBreaches);
    }

    [Fact]
    public async Task progress_rolls_up_and_a_rebuild_gives_the_live_figures()
    {
        var leader = host.As(Roles.GroupLeader);
        await host.Client.SubmitProgressReportAsync(Report("t1.1", 80), leader);
        await host.Client.SubmitProgressReportAsync(Report("t1.2", 40), leader);
        var live = await host.Client.GetMeasureProgressAsync(new GetMeasureProgressRequest { NetworkId = Net, Year = 2026 }, leader);
        Assert.Equal(60d, live.Measures.Single(m => m.MeasureId == "t1").Percent);
        var liveHealth = await HealthAsync();

        using var rebuild = host.Client.RebuildProjections(new RebuildProjectionsRequest { NetworkId = Net }, host.As(Roles.Operator));
        var progress = new List<RebuildProgress>();
        while (await rebuild.ResponseStream.MoveNext())
        {
            progress.Add(rebuild.ResponseStream.Current);
        }

        Assert.True(progress[^1].Done);
        Assert.Equal(progress[^2].EventsTotal, progress[^2].EventsReplayed);
        var rebuilt = await host.Client.GetMeasureProgressAsync(new GetMeasureProgressRequest { NetworkId = Net, Year = 2026 }, leader);
        Assert.Equal(live.Measures, rebuilt.Measures);
        var rebuiltHealth = await HealthAsync();
        Assert.Equal(liveHealth.Groups, rebuiltHealth.Groups);
        Assert.Equal(liveHealth.Organisations, rebuiltHealth.Organisations);
        Assert.Equal(liveHealth.Attendance, rebuiltHealth.Attendance);
    }

    [Fact]
    public async Task bad_input_is_answered_with_field_violations_and_the_right_codes()
    {
        var leader = host.As(Roles.GroupLeader);

        var invalid = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.SubmitProgressReportAsync(InvalidReport(), leader));
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        var fields = invalid.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("percent", fields);
        Assert.Contains("status", fields);

        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.SubmitProgressReportAsync(Report("nope", 10), leader));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        var money = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.RecordExpenseAsync(
            new RecordExpenseRequest { NetworkId = Net, GroupId = "wg-1", Year = 2026, Amount = "12,50", Description = "Venue", Date = new CalendarDate { Year = 2026, Month = 2, Day = 30 } }, leader));
        Assert.Equal(["amount", "date"], money.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task callers_are_held_to_their_network_and_role()
    {
        var otherNetwork = new Metadata { { "authorization", "Bearer " + host.Tokens.Issue("x", "another-network", [Roles.Secretariat]) } };
        var tenant = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 }, otherNetwork));
        Assert.Equal(StatusCode.PermissionDenied, tenant.StatusCode);

        var reader = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.SetBaseGrantAsync(
            new SetBaseGrantRequest { NetworkId = Net, GroupId = "wg-1", Year = 2026, Amount = "1000.00" }, host.As(Roles.DashboardReader)));
        Assert.Equal(StatusCode.PermissionDenied, reader.StatusCode);

        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 }));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task money_gives_budget_against_actual_and_stale_etags_are_aborted()
    {
        var secretariat = host.As(Roles.Secretariat);
        var accounts = await host.Client.SetBaseGrantAsync(new SetBaseGrantRequest { NetworkId = Net, GroupId = "wg-2", Year = 2026, Amount = "20000.00" }, secretariat);
        accounts = await host.Client.SubmitFundApplicationAsync(new SubmitFundApplicationRequest { NetworkId = Net, GroupId = "wg-2", Year = 2026, Purpose = "Seminar", AmountRequested = "15000", RequestId = Guid.NewGuid().ToString() }, secretariat);
        var applicationId = Assert.Single(accounts.FundApplications).ApplicationId;
        accounts = await host.Client.DecideFundApplicationAsync(new DecideFundApplicationRequest { NetworkId = Net, GroupId = "wg-2", Year = 2026, ApplicationId = applicationId, Approved = true, AmountGranted = "10000.00", Etag = accounts.Etag }, secretariat);
        accounts = await host.Client.RecordExpenseAsync(new RecordExpenseRequest { NetworkId = Net, GroupId = "wg-2", Year = 2026, Amount = "4250.50", Description = "Venue", Date = new CalendarDate { Year = 2026, Month = 3, Day = 1 } }, secretariat);

        Assert.Equal(("30000.00", "4250.50", "25749.50"), (accounts.Budget, accounts.Spent, accounts.Remaining));

        var stale = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.SignOffAccountsAsync(new SignOffAccountsRequest { NetworkId = Net, GroupId = "wg-2", Year = 2026, Etag = "1" }, secretariat));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(accounts.Etag, stale.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["current_etag"]);
    }

    [Fact]
    public async Task a_learning_activity_is_logged_once_per_request_id_and_summarised_by_kind()
    {
        var representative = host.As(Roles.Representative);
        var request = new LogLearningActivityRequest
        {
            NetworkId = Net, Kind = LearningKind.ReflectionGroup, OrganisationId = "org-a", Date = new CalendarDate { Year = 2026, Month = 3, Day = 4 },
            Hours = 1.5, Participants = 6, Description = "Case reflection", RequestId = Guid.NewGuid().ToString(),
        };

        var first = await host.Client.LogLearningActivityAsync(request, representative);
        var retried = await host.Client.LogLearningActivityAsync(request, representative);

        Assert.Equal(first.ActivityId, retried.ActivityId);
        Assert.Equal(("org-a", 1.5, 6), (first.OrganisationId, first.Hours, first.Participants));
        var summary = await host.Client.SummariseLearningAsync(new SummariseLearningRequest
        {
            NetworkId = Net, From = new CalendarDate { Year = 2026, Month = 1, Day = 1 }, To = new CalendarDate { Year = 2027, Month = 1, Day = 1 },
        }, representative);
        var kind = Assert.Single(summary.Kinds);
        Assert.Equal((LearningKind.ReflectionGroup, 1, 1.5, 6), (kind.Kind, kind.Activities, kind.Hours, kind.Participants));
    }

    [Fact]
    public async Task the_dashboard_page_and_its_figures_are_served_over_http_1_1_to_token_holders()
    {
        using var http = new HttpClient { BaseAddress = host.HttpAddress };
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("src=\"/dashboard/dashboard.js\"", page, StringComparison.Ordinal);
        // The bundle (chart.js among it) comes from this service, not from outside.
        var script = await http.GetAsync(new Uri("/dashboard/dashboard.js", UriKind.Relative));
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Chart.js v4.6.1", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);

        var anonymous = await http.GetAsync(new Uri($"/v1/networks/{Net}/health?year=2026", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/networks/{Net}/health?year=2026");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(Roles.DashboardReader));
        using var health = System.Text.Json.JsonDocument.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Equal(2, health.RootElement.GetProperty("heldMeetings").GetInt32());
    }

    private async Task PublishAndWaitAsync(IEnumerable<IDomainEvent> events, int expectedEvents)
    {
        foreach (var domainEvent in events)
        {
            await host.PublishAsync(domainEvent);
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await HealthAsync()).EventsSeen < expectedEvents)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The reporting service did not consume {expectedEvents} events within 30 s.");
            await Task.Delay(50);
        }
    }

    private Task<NetworkHealth> HealthAsync() =>
        host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 }, host.As(Roles.DashboardReader)).ResponseAsync;

    private static SubmitProgressReportRequest Report(string measure, int percent) => new()
    {
        NetworkId = Net,
        MeasureId = measure,
        PeriodStart = new CalendarDate { Year = 2026, Month = 1, Day = 1 },
        PeriodEnd = new CalendarDate { Year = 2026, Month = 6, Day = 30 },
        Status = MeasureStatus.OnTrack,
        Percent = percent,
    };

    private static SubmitProgressReportRequest InvalidReport()
    {
        var report = Report("t1.1", 150);
        report.Status = MeasureStatus.Unspecified;
        return report;
    }

    private static MeetingScheduled Scheduled(string id, DateTimeOffset start) =>
        new(Guid.NewGuid(), start.AddDays(-20), Net, id, 1, id, "wg-1", "Interim", "Meeting " + id, start, start.AddHours(2), "Europe/Oslo", "Oslo", "");

    private static AttendanceRecorded Attendance(string id, DateTimeOffset start, params (string Person, string Status)[] marks) =>
        new(Guid.NewGuid(), start.AddHours(2), Net, id, 2, id, "wg-1", "Interim", start, marks.Select(m => new AttendanceMark(m.Person, m.Status)).ToList(),
            marks.Length, marks.Count(m => m.Status == "Present"), true);
}
