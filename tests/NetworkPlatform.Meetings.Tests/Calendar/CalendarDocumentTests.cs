using System.Text.Json;
using NetworkPlatform.Meetings.Calendar;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Tests;

public class CalendarDocumentTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static string Feed(params Meeting[] meetings) =>
        CalendarDocument.Write("Partnerskap mot mobbing", CalendarMethod.Publish,
            meetings.Select(m => MeetingCalendar.ForMeeting(m, Samples.Oslo, Samples.Secretariat, withAttendees: true, Stamp,
                MeetingTexts.English)).ToList(),
                Stamp, Samples.Oslo);

    [Fact]
    public void meetings_across_the_spring_daylight_saving_change_keep_their_local_time()
    {
        var beforeChange = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 24));
        var afterChange = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 31));

        var parsed = PythonIcalendar.Check(Feed(beforeChange, afterChange));

        var events = parsed.GetProperty("events").EnumerateArray().ToList();
        Assert.All(events, e => Assert.Equal("Europe/Oslo", e.GetProperty("tzid").GetString()));
        Assert.Equal(["20260324T100000", "20260331T100000"], events.Select(e => e.GetProperty("local_start").GetString()));
        Assert.Equal("2026-03-24T09:00:00Z", events[0].GetProperty("start_utc").GetString());
        Assert.Equal("2026-03-31T08:00:00Z", events[1].GetProperty("start_utc").GetString());
    }

    [Fact]
    public void meetings_across_the_autumn_daylight_saving_change_keep_their_local_time()
    {
        var beforeChange = Samples.Schedule(MeetingKind.Reporting, Samples.Local(2026, 10, 20, 13));
        var afterChange = Samples.Schedule(MeetingKind.Reporting, Samples.Local(2026, 10, 27, 13));

        var parsed = PythonIcalendar.Check(Feed(beforeChange, afterChange));

        var events = parsed.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("2026-10-20T11:00:00Z", events[0].GetProperty("start_utc").GetString());
        Assert.Equal("2026-10-20T13:00:00Z", events[0].GetProperty("end_utc").GetString());
        Assert.Equal("2026-10-27T12:00:00Z", events[1].GetProperty("start_utc").GetString());
    }

    [Fact]
    public void the_time_zone_component_describes_the_oslo_transitions_of_2026()
    {
        var calendar = StrictIcsParser.Parse(Feed(Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 24))));

        var zone = Assert.Single(calendar.Descendants("VTIMEZONE"));
        Assert.Equal("Europe/Oslo", zone.Single("TZID").Value);
        var observances = zone.Children.Select(o => (o.Name, Start: o.Single("DTSTART").Value, From: o.Single("TZOFFSETFROM").Value,
            To: o.Single("TZOFFSETTO").Value)).ToList();
        Assert.Contains(("DAYLIGHT", "20260329T020000", "+0100", "+0200"), observances);
        Assert.Contains(("STANDARD", "20261025T030000", "+0200", "+0100"), observances);
    }

    [Fact]
    public void an_invitation_is_strictly_valid_and_names_the_secretariat()
    {
        var meeting = Samples.Invited(Samples.Schedule(MeetingKind.StartUp, Samples.Local(2026, 1, 20)))
            .AddAgendaItem(new AgendaItem { Id = "agi-1", Title = "Kaffe; vafler, og \"prat\"\\ny linje" }, null);
        var ics = CalendarDocument.Write("Invitation", CalendarMethod.Request,
            [MeetingCalendar.ForMeeting(meeting, Samples.Oslo, Samples.Secretariat, withAttendees: true, Stamp, MeetingTexts.English)],
                Stamp, Samples.Oslo);

        var calendar = StrictIcsParser.Parse(ics);
        var python = PythonIcalendar.Check(ics);

        Assert.Equal("REQUEST", calendar.Single("METHOD").Value);
        var vevent = Assert.Single(calendar.Descendants("VEVENT"));
        Assert.Equal($"{meeting.Id}@meetings.networkplatform", vevent.Single("UID").Text);
        Assert.Equal("0", vevent.Single("SEQUENCE").Value);
        Assert.Equal("20260105T120000Z", vevent.Single("DTSTAMP").Value);
        Assert.Equal("mailto:post@partnerskapmotmobbing.no", vevent.Single("ORGANIZER").Value);
        Assert.Contains("Kaffe; vafler, og \"prat\"\\ny linje", vevent.Single("DESCRIPTION").Text, StringComparison.Ordinal);
        var secretariat = vevent.All("ATTENDEE").Single(a => a.Value == "mailto:post@partnerskapmotmobbing.no");
        Assert.Equal("NON-PARTICIPANT", secretariat.Parameters["ROLE"]);
        Assert.Contains(vevent.All("ATTENDEE"), a => a.Value == "urn:networkplatform:person:p-ingrid");
        Assert.Equal(4, python.GetProperty("events")[0].GetProperty("attendees").GetArrayLength());
    }

    [Fact]
    public void a_rescheduled_then_cancelled_meeting_carries_a_higher_sequence_and_cancelled_status()
    {
        var meeting = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10))
            .Reschedule(Samples.Local(2026, 3, 11), Samples.Local(2026, 3, 11, 12), "Europe/Oslo", "", "", "room taken", Stamp, "u")
            .Cancel("the group was dissolved");

        var parsed = PythonIcalendar.Check(Feed(meeting));

        var e = parsed.GetProperty("events")[0];
        Assert.Equal(2, e.GetProperty("sequence").GetInt32());
        Assert.Equal("CANCELLED", e.GetProperty("status").GetString());
    }

    [Fact]
    public void an_empty_feed_is_still_a_valid_calendar()
    {
        var ics = CalendarDocument.Write("Empty", CalendarMethod.Publish, [], Stamp, Samples.Oslo);

        StrictIcsParser.Parse(ics);
        Assert.Equal(0, PythonIcalendar.Check(ics).GetProperty("events").GetArrayLength());
    }

    [Fact]
    public void deadlines_are_points_in_time_in_the_feed()
    {
        var deadline = Deadline.Post("dl-1", "n", "Applications to Partnerpotten", "", Samples.Local(2026, 3, 1, 23, 59), "Europe/Oslo",
            null, Stamp);
        var ics = CalendarDocument.Write("Deadlines", CalendarMethod.Publish, [MeetingCalendar.ForDeadline(deadline, Samples.Oslo,
            MeetingTexts.English)],
            Stamp, Samples.Oslo);

        var e = PythonIcalendar.Check(ics).GetProperty("events")[0];
        Assert.Equal("Deadline: Applications to Partnerpotten", e.GetProperty("summary").GetString());
        Assert.Equal("2026-03-01T22:59:00Z", e.GetProperty("start_utc").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("end_utc").ValueKind);
    }
}
