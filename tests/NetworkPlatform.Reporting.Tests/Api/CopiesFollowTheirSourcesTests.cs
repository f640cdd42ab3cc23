using NetworkPlatform.Application;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>
/// Issue 20.2: the copies reporting keeps follow their sources' events (docs/events/README.md lists them), and external
/// participants (experts, state actors) are not members for attendance and drop-out.
/// </summary>
public sealed class CopiesFollowTheirSourcesTests
{
    private const string Net = ReportingHost.Network;
    private static readonly DateTimeOffset Jan = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task changed_hours_set_aside_reach_the_time_invested()
    {
        await using var host = await ReportingHost.StartAsync();
        var appointed = new RepresentativeAppointed(Guid.NewGuid(), Jan, Net, "r-ada", 1, "r-ada", "org-a", "ada", "Representative", 6,
            "Manager A", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "secretariat");
        await PublishAndWaitAsync(host, [appointed], 1);
        var before = await HoursSetAsideAsync(host);

        await PublishAndWaitAsync(host, [new RepresentativeUpdated(Guid.NewGuid(), Jan.AddDays(30), Net, "r-ada", 2, "r-ada", "org-a",
            "ada", 10, ["hours_per_month"], "secretariat")], 2);

        Assert.Equal(72d, before);
        Assert.Equal(120d, await HoursSetAsideAsync(host));
    }

    [Fact]
    public async Task external_participants_count_in_neither_attendance_nor_drop_out()
    {
        await using var host = await ReportingHost.StartAsync();
        var m1 = new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);
        var m2 = new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.Zero);
        IDomainEvent[] events =
        [
            .. new[] { "ada", "ben", "cai", "dag" }.Select((p, i) => Joined(p, representsMember: true, version: i + 1)),
            Joined("state-actor", representsMember: false, version: 5),
            Joined("expert", representsMember: false, version: 6),
            new ParticipantLeft(Guid.NewGuid(), Jan.AddDays(10), Net, "wg-1", 7, "wg-1", "state-actor", "org-state",
                "Removed before the first meeting"),
            Scheduled("m1", m1),
            Attendance("m1", m1, ("ada", "Present"), ("ben", "Present"), ("cai", "Present"), ("dag", "Absent"), ("expert", "Present")),
            Scheduled("m2", m2),
            Attendance("m2", m2, ("ada", "Present"), ("ben", "Present"), ("cai", "Present"), ("dag", "Absent"), ("expert", "Present")),
        ];
        await PublishAndWaitAsync(host, events, events.Length);

        var health = await HealthAsync(host);

        var group = Assert.Single(health.Groups);
        Assert.Equal((1, 4), (group.DropOut.Numerator, group.DropOut.Denominator));
        Assert.Equal(["dag"], group.StoppedComing);
        Assert.Equal((6, 8), (health.Attendance.Numerator, health.Attendance.Denominator));
        Assert.DoesNotContain(health.Persons, p => p.PersonId == "expert");
    }

    [Fact]
    public async Task a_retitled_measure_reaches_the_annual_report()
    {
        await using var host = await ReportingHost.StartAsync();
        await PublishAndWaitAsync(host,
            [new MeasureCreated(Guid.NewGuid(), Jan, Net, "t1", 1, "t1", 2026, "Anti-bullying week", null, null)], 1);

        await PublishAndWaitAsync(host, [new MeasureRetitled(Guid.NewGuid(), Jan.AddDays(3), Net, "t1", 2, "t1", 2026,
            "Anti-bullying week in every school", "secretariat")], 2);
        var report = await host.Client.GetAnnualReportAsync(new GetAnnualReportRequest { NetworkId = Net, Year = 2026,
            Format = ReportFormat.Markdown }, host.As(Roles.DashboardReader));

        Assert.Contains("| Anti-bullying week in every school |", report.Content, StringComparison.Ordinal);
    }

    private static ParticipantJoined Joined(string person, bool representsMember, int version) =>
        new(Guid.NewGuid(), Jan, Net, "wg-1", version, "wg-1", person, representsMember ? "org-a" : "org-state", representsMember);

    private static MeetingScheduled Scheduled(string id, DateTimeOffset start) =>
        new(Guid.NewGuid(), start.AddDays(-20), Net, id, 1, id, "wg-1", "Interim", "Meeting " + id, start, start.AddHours(2), "Europe/Oslo",
            "Oslo", "");

    private static AttendanceRecorded Attendance(string id, DateTimeOffset start, params (string Person, string Status)[] marks) =>
        new(Guid.NewGuid(), start.AddHours(2), Net, id, 2, id, "wg-1", "Interim", start,
            marks.Select(m => new Events.Meetings.AttendanceMark(m.Person, m.Status)).ToList(), marks.Length,
            marks.Count(m => m.Status == "Present"), true);

    private static async Task<double> HoursSetAsideAsync(ReportingHost host) =>
        (await HealthAsync(host)).Organisations.Single(o => o.OrganisationId == "org-a").HoursSetAside;

    private static async Task<NetworkHealth> HealthAsync(ReportingHost host) =>
        await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 },
            host.As(Roles.DashboardReader));

    private static async Task PublishAndWaitAsync(ReportingHost host, IEnumerable<IDomainEvent> events, int expectedEvents)
    {
        foreach (var domainEvent in events)
        {
            await host.PublishAsync(domainEvent);
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await HealthAsync(host)).EventsSeen < expectedEvents)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The reporting service did not consume {expectedEvents} events within 30 s.");
            await Task.Delay(50);
        }
    }
}
