using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

public class CalendarFeaturesTests
{
    private const string Network = MeetingsFixture.Network;

    [Fact]
    public async Task a_persons_feed_holds_the_meetings_they_are_invited_to_and_the_deadlines()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var schedule = fixture.Feature<ScheduleMeeting>();
        var digital = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 24)),
            MeetingsFixture.Secretariat, default);
        await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 31), groupId: "g-skole"),
            MeetingsFixture.Secretariat, default);
        await fixture.Feature<SendInvitations>().RunAsync(new Proto.SendInvitationsRequest { NetworkId = Network,
            MeetingId = digital.Document.Id }, MeetingsFixture.Secretariat, default);
        await fixture.Feature<CreateDeadline>().RunAsync(new Proto.CreateDeadlineRequest
        {
            NetworkId = Network, Deadline = new Proto.Deadline { Title = "Søknadsfrist Partnerpotten",
                DueTime = Timestamp.FromDateTimeOffset(Samples.Local(2026, 4, 1, 12)) },
        }, MeetingsFixture.Secretariat, default);
        var entries = new ListCalendarEntries(fixture.Context);

        var feed = await new GetCalendarFeed(fixture.Context, entries).RunAsync(new Proto.GetCalendarFeedRequest { NetworkId = Network,
            PersonId = "p-ola" }, MeetingsFixture.Kari, default);

        Assert.Equal("text/calendar; charset=utf-8", feed.ContentType);
        var events = PythonIcalendar.Check(feed.Content).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([$"{digital.Document.Id}@meetings.networkplatform", "Deadline: Søknadsfrist Partnerpotten"],
            events.Select(e => e.GetProperty("uid").GetString()!.StartsWith("dl-",
                StringComparison.Ordinal) ? e.GetProperty("summary").GetString() : e.GetProperty("uid").GetString()));
        Assert.Equal("2026-03-24T09:00:00Z", events[0].GetProperty("start_utc").GetString());
    }

    [Fact]
    public async Task the_calendar_list_gives_the_partner_meetings_to_every_group()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var schedule = fixture.Feature<ScheduleMeeting>();
        var partner = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.PartnerMeeting, Samples.Local(2026, 4, 15),
            groupId: "g-partnermote"), MeetingsFixture.Secretariat, default);
        await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 31), groupId: "g-skole"),
            MeetingsFixture.Secretariat, default);
        var digital = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 4, 1)),
            MeetingsFixture.Secretariat, default);

        var selection = await new ListCalendarEntries(fixture.Context).RunAsync(new Proto.ListCalendarEntriesRequest
        {
            NetworkId = Network, GroupId = "g-digital",
            StartTime = Timestamp.FromDateTimeOffset(Samples.Local(2026, 1, 1)),
                EndTime = Timestamp.FromDateTimeOffset(Samples.Local(2027, 1, 1)),
        }, MeetingsFixture.Kari, default);

        Assert.Equal([digital.Document.Id, partner.Document.Id], selection.Meetings.Select(m => m.Id));
    }

    [Fact]
    public async Task a_missing_meeting_before_the_partner_meeting_shows_up_in_compliance_and_is_evented_once_overdue()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var schedule = fixture.Feature<ScheduleMeeting>();
        var partner = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.PartnerMeeting, Samples.Local(2026, 4, 15),
            groupId: "g-partnermote"), MeetingsFixture.Secretariat, default);
        await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.StartUp, Samples.Local(2026, 1, 20)), MeetingsFixture.Secretariat,
            default);
        var compliance = new GetCadenceCompliance(fixture.Context);

        var report = await compliance.RunAsync(new Proto.GetCadenceComplianceRequest { NetworkId = Network, Year = 2026,
            GroupId = "g-digital" }, MeetingsFixture.Kari, default);

        var beforePartner = report.Single().Report.Requirements.Single(r => r.Kind == CadenceRequirementKind.BeforePartnerMeeting);
        Assert.Equal((CadenceState.Missing, partner.Document.Id), (beforePartner.State, beforePartner.PartnerMeetingId));

        fixture.Clock.Now = Samples.Local(2026, 4, 16);
        var check = new CheckCadence(fixture.Context, compliance);
        await check.RunAsync(new Proto.CheckCadenceRequest { NetworkId = Network, Year = 2026 }, MeetingsFixture.Secretariat, default);
        await check.RunAsync(new Proto.CheckCadenceRequest { NetworkId = Network, Year = 2026 }, MeetingsFixture.Secretariat, default);

        var breaches = await fixture.EventsAsync<CadenceBreached>();
        var digitalBreach = Assert.Single(breaches, b => b.GroupId == "g-digital");
        Assert.Equal(("BeforePartnerMeeting", partner.Document.Id), (digitalBreach.Requirement, digitalBreach.PartnerMeetingId));
        Assert.Equal(2, breaches.Count(b => b.GroupId == "g-skole"));
    }
}
