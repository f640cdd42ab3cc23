namespace NetworkPlatform.Meetings.Calendar;

/// <summary>Serialises events to one VCALENDAR (RFC 5545), with a VTIMEZONE for every zone the events use.</summary>
public static class CalendarDocument
{
    public const string ProductId = "-//Network Platform//Meetings//EN";

    /// <summary>An empty feed still describes <paramref name="defaultZone"/>: a VCALENDAR must hold at least one component.</summary>
    public static string Write(string name, CalendarMethod method, IReadOnlyList<CalendarEvent> events, DateTimeOffset stamp,
        TimeZoneInfo defaultZone)
    {
        var lines = new ContentLines()
            .Begin("VCALENDAR")
            .Raw("VERSION", "2.0")
            .Text("PRODID", ProductId)
            .Raw("CALSCALE", "GREGORIAN")
            .Raw("METHOD", method.ToString().ToUpperInvariant())
            .Text("X-WR-CALNAME", name);
        if (events.Count == 0)
        {
            TimeZoneComponents.Write(lines, defaultZone, new DateTimeOffset(stamp.Year, 1, 1, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(stamp.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }
        foreach (var zone in events.GroupBy(e => e.Zone.Id))
        {
            // A year either side: readers expanding the feed (and edits nearby) stay inside the described span.
            var from = new DateTimeOffset(zone.Min(e => e.Start).Year - 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var until = new DateTimeOffset(zone.Max(e => e.End ?? e.Start).Year + 2, 1, 1, 0, 0, 0, TimeSpan.Zero);
            TimeZoneComponents.Write(lines, zone.First().Zone, from, until);
        }
        foreach (var calendarEvent in events)
        {
            WriteEvent(lines, calendarEvent, stamp);
        }
        return lines.End("VCALENDAR").ToString();
    }

    private static void WriteEvent(ContentLines lines, CalendarEvent e, DateTimeOffset stamp)
    {
        lines.Begin("VEVENT")
            .Text("UID", e.Uid)
            .UtcDateTime("DTSTAMP", stamp)
            .UtcDateTime("LAST-MODIFIED", e.LastModified)
            .Raw("SEQUENCE", e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ZonedDateTime("DTSTART", e.Start, e.Zone);
        if (e.End is { } end)
        {
            lines.ZonedDateTime("DTEND", end, e.Zone);
        }
        lines.Text("SUMMARY", e.Summary).Raw("STATUS", e.Status);
        if (e.Description.Length > 0)
        {
            lines.Text("DESCRIPTION", e.Description);
        }
        if (e.Location.Length > 0)
        {
            lines.Text("LOCATION", e.Location);
        }
        if (e.Url.Length > 0)
        {
            lines.Raw("URL", e.Url);
        }
        if (e.Categories.Count > 0)
        {
            lines.Raw("CATEGORIES", string.Join(",", e.Categories.Select(ContentLines.EscapeText)));
        }
        WriteParticipants(lines, e.Organizer, e.Attendees);
        lines.End("VEVENT");
    }

    /// <summary>
    /// The document with ORGANIZER and ATTENDEE lines added to its one VEVENT: a notice's calendar leaves the service without
    /// them (no addresses on the wire) and gets them when the mail is sent.
    /// </summary>
    public static string WithParticipants(string document, CalendarAttendee? organizer, IReadOnlyList<CalendarAttendee> attendees)
    {
        const string EndOfEvent = "\r\nEND:VEVENT\r\n";
        var end = document.IndexOf(EndOfEvent, StringComparison.Ordinal);
        if (end < 0 || document.IndexOf(EndOfEvent, end + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException("Participants go into a calendar with exactly one VEVENT.", nameof(document));
        }
        var lines = new ContentLines();
        WriteParticipants(lines, organizer, attendees);
        return document.Insert(end + 2, lines.ToString());
    }

    private static void WriteParticipants(ContentLines lines, CalendarAttendee? organizer, IReadOnlyList<CalendarAttendee> attendees)
    {
        if (organizer is not null)
        {
            lines.Raw("ORGANIZER", organizer.Address, ("CN", organizer.Name));
        }
        foreach (var attendee in attendees)
        {
            lines.Raw("ATTENDEE", attendee.Address,
                ("CN", attendee.Name),
                ("ROLE", attendee.Copied ? "NON-PARTICIPANT" : "REQ-PARTICIPANT"),
                ("PARTSTAT", attendee.PartStat),
                ("RSVP", attendee.Copied ? "FALSE" : "TRUE"));
        }
    }
}
