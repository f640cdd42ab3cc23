using NetworkPlatform.Reporting.Domain;

namespace NetworkPlatform.Reporting.Tests.Domain;

/// <summary>
/// Figures from a known set of facts must come out exactly: every expected number below is worked out by hand. The facts
/// reach the figures as the projection feeds them: each held meeting's part added to its group's year.
/// </summary>
public class NetworkHealthFiguresTests
{
    private static readonly ReportingPeriod Year2026 = ReportingPeriod.Year(2026);

    // Working group wg-1: Ada (org-a), Ben (org-b), Cai (org-b). Four held meetings and one cancelled.
    private static readonly MeetingFact[] Meetings =
    [
        Held("m1", "wg-1", new(2026, 1, 15), published: new(2026, 1, 20), Present("ada", "org-a"), Present("ben", "org-b"), Present("cai", "org-b")),
        Held("m2", "wg-1", new(2026, 3, 10), published: new(2026, 4, 1), Present("ada", "org-a"), Absent("ben", "org-b"), Excused("cai", "org-b")),
        Held("m3", "wg-1", new(2026, 6, 2), published: null, Present("ada", "org-a"), Absent("ben", "org-b"), Present("cai", "org-b")),
        Held("m4", "wg-1", new(2026, 11, 20), published: new(2026, 11, 23), Present("ada", "org-a"), Absent("ben", "org-b"), Present("cai", "org-b")),
        Held("m0", "wg-1", new(2025, 12, 1), published: new(2025, 12, 2), Absent("ada", "org-a")),
        new("net", "m5", "wg-1", "interim", At(new(2026, 9, 1)), TimeSpan.FromHours(2), MeetingState.Cancelled, [Present("ada", "org-a")], null, 0),
    ];

    [Fact]
    public void attendance_counts_present_over_recorded_in_held_meetings_of_the_period()
    {
        // m1..m4: 3+1+2+2 present of 12 recorded; m0 (2025) and the cancelled m5 do not count.
        var figures = Figures(Meetings);
        Assert.Equal(new Rate(8, 12), AttendanceFigures.ByGroup(figures)["wg-1"]);
        Assert.Equal(new Rate(4, 4), AttendanceFigures.ByOrganisation(figures)["org-a"]);
        Assert.Equal(new Rate(4, 8), AttendanceFigures.ByOrganisation(figures)["org-b"]);
        Assert.Equal(new Rate(1, 4), AttendanceFigures.ByPerson(figures)["ben"]);
        Assert.Equal(new Rate(3, 4), AttendanceFigures.ByPerson(figures)["cai"]);
        Assert.Equal(8d / 12, AttendanceFigures.Overall(figures).Value);
    }

    [Fact]
    public void drop_out_counts_who_left_and_who_stopped_coming()
    {
        ParticipationFact[] participations =
        [
            new("net", "wg-1", "ada", "org-a", At(new(2025, 11, 1)), null),
            new("net", "wg-1", "ben", "org-b", At(new(2025, 11, 1)), null),
            new("net", "wg-1", "cai", "org-b", At(new(2025, 11, 1)), null),
            new("net", "wg-1", "dag", "org-c", At(new(2026, 2, 1)), At(new(2026, 5, 1))),
            new("net", "wg-1", "eva", "org-c", At(new(2024, 1, 1)), At(new(2025, 6, 1))),
        ];

        var dropOut = Assert.Single(DropOutFigures.Compute(participations, Figures(Meetings), Year2026));

        // Ben missed m3 and m4 (absent, not excused): stopped coming. Dag left in May. Eva left before 2026: not counted.
        Assert.Equal(["dag"], dropOut.Left);
        Assert.Equal(["ben"], dropOut.StoppedComing);
        Assert.Equal(new Rate(2, 4), dropOut.Rate);
    }

    [Fact]
    public void an_excused_absence_is_not_stopping_coming()
    {
        var meetings = new[]
        {
            Held("x1", "g", new(2026, 2, 1), null, Excused("cai", "org-b")),
            Held("x2", "g", new(2026, 3, 1), null, Absent("cai", "org-b")),
        };
        var participations = new[] { new ParticipationFact("net", "g", "cai", "org-b", At(new(2026, 1, 1)), null) };
        Assert.Empty(Assert.Single(DropOutFigures.Compute(participations, Figures(meetings), Year2026)).StoppedComing);
    }

    [Fact]
    public void documentation_share_and_lateness_of_minutes()
    {
        var documentation = DocumentationFigures.Compute(Figures(Meetings));

        // m1: 5 days, m2: 22 days, m3: never, m4: 3 days.
        Assert.Equal(new Rate(3, 4), documentation.Documented);
        Assert.Equal([(3d, 1), (5d, 1), (22d, 1)], documentation.DaysToPublish);
        Assert.Equal(5d, documentation.MedianDaysToPublish);
        Assert.Equal(22d, documentation.MaxDaysToPublish);
        Assert.Equal(1, documentation.PublishedLate);
    }

    [Fact]
    public void time_invested_sets_hours_set_aside_pro_rata_against_hours_in_meetings()
    {
        AppointmentFact[] appointments =
        [
            new("net", "r1", "ada", "org-a", 4m, new DateOnly(2025, 1, 1), null),
            // Half of January (16 of 31 days from the 16th) and all of February: 16/31 + 1 months at 3 h.
            new("net", "r2", "ben", "org-b", 3m, new DateOnly(2026, 1, 16), new DateOnly(2026, 3, 1)),
        ];

        var figures = TimeInvestedFigures.Compute(appointments, Figures(Meetings), Year2026);

        var orgA = figures.Single(f => f.OrganisationId == "org-a");
        Assert.Equal(48m, orgA.HoursSetAside);          // 12 months x 4 h
        Assert.Equal(8m, orgA.HoursInMeetings);         // present at 4 meetings x 2 h
        var orgB = figures.Single(f => f.OrganisationId == "org-b");
        Assert.Equal(Math.Round(3m * (16m / 31m + 1m), 2), orgB.HoursSetAside);
        Assert.Equal(8m, orgB.HoursInMeetings);         // ben 1 + cai 3 meetings x 2 h
    }

    [Fact]
    public void taking_a_meetings_part_away_leaves_the_figures_as_before_and_asks_to_read_a_members_latest_marks_again()
    {
        var before = Figures(Meetings).Single();
        var m4 = MeetingContribution.Of(Meetings[3])!;

        var without = before.With(m4, -1);

        Assert.Equal((3, 6, 9), (without.Held, without.Present, without.Recorded));
        Assert.Equal(["ada", "ben", "cai"], without.LatestToRefill.Order(StringComparer.Ordinal));
        var again = without.With(m4, +1).Members["ben"];
        Assert.Equal((before.Members["ben"].Present, before.Members["ben"].Recorded), (again.Present, again.Recorded));
        Assert.Equal(before.Members["ben"].Latest, again.Latest);
        Assert.True(before.Members["ben"].StoppedComing);
    }

    [Fact]
    public void the_median_days_to_minutes_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        var documentation = DocumentationFigures.Compute(Figures(Meetings.Take(4).Append(Held("m9", "wg-2", new(2026, 5, 1),
            published: new(2026, 5, 8)))));

        // wg-1: 5, 22 and 3 days; wg-2: 7 days.
        Assert.Equal(6d, documentation.MedianDaysToPublish);
        Assert.Equal(22d, documentation.MaxDaysToPublish);
    }

    /// <summary>The year's figures of each group, as the projection builds them: every held meeting's part added.</summary>
    private static List<GroupYearFigures> Figures(IEnumerable<MeetingFact> meetings) =>
        [.. meetings.Select(MeetingContribution.Of).OfType<MeetingContribution>().Where(c => c.Year == 2026)
            .GroupBy(c => c.GroupId)
            .Select(g => g.Aggregate(GroupYearFigures.Empty(g.Key, 2026), (figures, part) => figures.With(part, +1)))];

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private static MeetingFact Held(string id, string group, DateOnly date, DateOnly? published, params AttendanceEntry[] attendance) =>
        new("net", id, group, "interim", At(date), TimeSpan.FromHours(2), MeetingState.Held, attendance, published is { } p ? At(p) : null, 0);

    private static AttendanceEntry Present(string person, string org) => new(person, org, AttendanceStatus.Present);

    private static AttendanceEntry Absent(string person, string org) => new(person, org, AttendanceStatus.Absent);

    private static AttendanceEntry Excused(string person, string org) => new(person, org, AttendanceStatus.Excused);
}
