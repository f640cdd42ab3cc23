using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Tests;

public class CadenceComplianceTests
{
    private static readonly Meeting SpringPartnerMeeting = Samples.Schedule(MeetingKind.PartnerMeeting, Samples.Local(2026, 4, 15));
    private static readonly Meeting AutumnPartnerMeeting = Samples.Schedule(MeetingKind.PartnerMeeting, Samples.Local(2026, 10, 14));

    private static CadenceReport Evaluate(DateTimeOffset now, params Meeting[] groupMeetings) =>
        CadenceCompliance.Evaluate(CadencePolicy.Default, "g-digital", 2026, Samples.Oslo, groupMeetings, [SpringPartnerMeeting, AutumnPartnerMeeting], now);

    [Fact]
    public void a_missing_meeting_before_a_partner_meeting_shows_up_in_compliance()
    {
        var startUp = Samples.Held(Samples.Schedule(MeetingKind.StartUp, Samples.Local(2026, 1, 20)), ("p-kari", AttendanceStatus.Present));
        var beforeAutumn = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 9, 30));

        var report = Evaluate(Samples.Local(2026, 3, 20), startUp, beforeAutumn);

        var spring = report.Requirements.Single(r => r.PartnerMeetingId == SpringPartnerMeeting.Id);
        Assert.Equal(CadenceState.Missing, spring.State);
        Assert.Equal(SpringPartnerMeeting.Start, spring.WindowEnd);
        Assert.Equal(CadenceState.Scheduled, report.Requirements.Single(r => r.PartnerMeetingId == AutumnPartnerMeeting.Id).State);
        Assert.Equal(CadenceState.Held, report.Requirements.Single(r => r.Kind == CadenceRequirementKind.StartUp).State);
        Assert.False(report.Compliant);
    }

    [Fact]
    public void once_the_partner_meeting_has_passed_the_missing_meeting_is_overdue()
    {
        var report = Evaluate(Samples.Local(2026, 4, 16));

        Assert.Equal(CadenceState.Overdue, report.Requirements.Single(r => r.PartnerMeetingId == SpringPartnerMeeting.Id).State);
        Assert.Equal(CadenceState.Overdue, report.Requirements.Single(r => r.Kind == CadenceRequirementKind.StartUp).State);
        Assert.Equal(CadenceState.Missing, report.Requirements.Single(r => r.Kind == CadenceRequirementKind.Reporting).State);
    }

    [Fact]
    public void a_meeting_long_before_the_partner_meeting_does_not_count_and_cancelled_meetings_never_do()
    {
        var tooEarly = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 2, 1));
        var cancelled = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 4, 1)).Cancel("ill");

        var report = Evaluate(Samples.Local(2026, 3, 1), tooEarly, cancelled);

        Assert.Equal(CadenceState.Missing, report.Requirements.Single(r => r.PartnerMeetingId == SpringPartnerMeeting.Id).State);
    }

    [Fact]
    public void a_complete_year_is_compliant()
    {
        var report = Evaluate(Samples.Local(2026, 12, 31, 23),
            Samples.Held(Samples.Schedule(MeetingKind.StartUp, Samples.Local(2026, 1, 20)), ("p-kari", AttendanceStatus.Present)),
            Samples.Held(Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 4, 1)), ("p-kari", AttendanceStatus.Present)),
            Samples.Held(Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 10, 1)), ("p-kari", AttendanceStatus.Present)),
            Samples.Schedule(MeetingKind.Reporting, Samples.Local(2026, 11, 25)));

        Assert.Equal(4, report.Requirements.Count);
        Assert.True(report.Compliant);
    }

    [Fact]
    public void the_start_up_window_ends_on_the_policy_date_in_local_time()
    {
        var report = Evaluate(Samples.Local(2026, 1, 1));

        var startUp = report.Requirements.Single(r => r.Kind == CadenceRequirementKind.StartUp);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), startUp.WindowStart);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero), startUp.WindowEnd);
    }
}
