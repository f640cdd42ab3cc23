using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Seed;
using NetworkPlatform.Meetings.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

public class DemoMeetingsTests
{
    [Fact]
    public async Task the_demo_year_has_held_meetings_with_minutes_a_compliance_gap_and_seeds_once()
    {
        await using var fixture = await MeetingsFixture.StartAsync(withSecretariatAddress: false);
        fixture.Clock.Now = Samples.Local(2026, 11, 23, 12);

        await DemoMeetings.SeedAsync(fixture.Context, MeetingsFixture.Network, default);
        await DemoMeetings.SeedAsync(fixture.Context, MeetingsFixture.Network, default);

        var meetings = await fixture.Database.MeetingsBetweenAsync(MeetingsFixture.Network, DateTimeOffset.MinValue, null, default);
        Assert.Equal(2, meetings.Count(m => m.Kind == MeetingKind.PartnerMeeting));
        Assert.Equal(2 + 4 + 3, meetings.Count);
        Assert.All(meetings.Where(m => m.End < fixture.Clock.Now && m.GroupId != "g-partnermote"), m => Assert.Equal(MeetingStatus.Held,
            m.Status));
        Assert.All(meetings.Where(m => m.Kind == MeetingKind.Reporting), m => Assert.Equal(MeetingStatus.Invited, m.Status));
        var minutes = await fixture.EventsAsync<MinutesPublished>();
        Assert.Equal(4, minutes.Count);
        // Minutes of the demo's past meetings come days after each meeting, as in a real year, not at seed time.
        Assert.All(minutes, m => Assert.InRange((m.OccurredAt - meetings.Single(x => x.Id == m.MeetingId).End).TotalDays, 2, 7));
        Assert.Contains(await fixture.EventsAsync<DecisionRecorded>(),
            d => d.Kind == NetworkPlatform.Events.Meetings.DecisionKind.LeaderElected && d.PersonId == "p-per");

        var compliance = await new GetCadenceCompliance(fixture.Context).EvaluateAsync(MeetingsFixture.Network, 2026, "", default);
        Assert.True(compliance.Single(c => c.Group.GroupId == "g-digital").Report.Compliant);
        var gap = compliance.Single(c => c.Group.GroupId == "g-skole").Report.Requirements.Single(r => r.State == CadenceState.Overdue);
        Assert.Equal(CadenceRequirementKind.BeforePartnerMeeting, gap.Kind);
        Assert.Equal(3, (await fixture.Database.DeadlinesBetweenAsync(MeetingsFixture.Network, Samples.Local(2026, 1, 1),
            Samples.Local(2027, 1, 1), default)).Count);
    }
}
