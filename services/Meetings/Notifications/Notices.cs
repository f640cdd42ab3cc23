using System.Globalization;
using System.Text;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Calendar;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Notifications;

public enum NoticePurpose
{
    Invitation,
    Update,
    Cancellation,
    Reminder,
}

/// <summary>
/// Writes the outbound notices about a meeting (subject, body and the .ics attachment, as InvitationIssued events) in the
/// network's language.
/// </summary>
public static class Notices
{
    public static InvitationIssued Invitation(Meeting meeting, long version, NoticePurpose purpose, Addressees addressees,
        NetworkSettings settings, string note, MeetingTexts texts, DateTimeOffset now)
    {
        var zone = ZoneOf(meeting);
        var method = purpose == NoticePurpose.Cancellation ? CalendarMethod.Cancel : CalendarMethod.Request;
        // Without organiser and attendees: their addresses stay here (DeliverNotices adds them to the mail).
        var ics = CalendarDocument.Write(meeting.Title, method, [MeetingCalendar.ForMeeting(meeting, zone, settings.Secretariat,
            withAttendees: false, now, texts)], now, zone);
        return new InvitationIssued(
            Guid.CreateVersion7(), now, meeting.NetworkId, meeting.Id, version, meeting.Id, meeting.GroupId, purpose.ToString(),
            Subject(meeting, purpose, zone, texts), Body(meeting, purpose, zone, note, texts),
            addressees.To.Select(ToEvent).ToList(), addressees.Cc.Select(ToEvent).ToList(),
            $"{meeting.Id}.ics", ics);
    }

    public static NotificationRecipient ToEvent(Recipient recipient) => new(recipient.Kind.ToString(), recipient.PersonId, recipient.Name);

    public static TimeZoneInfo ZoneOf(Meeting meeting) => TimeZoneInfo.FindSystemTimeZoneById(meeting.TimeZone);

    private static string Subject(Meeting meeting, NoticePurpose purpose, TimeZoneInfo zone, MeetingTexts texts)
    {
        var when = TimeZoneInfo.ConvertTime(meeting.Start, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return purpose switch
        {
            NoticePurpose.Update => $"{texts.Changed}: {meeting.Title}, {when}",
            NoticePurpose.Cancellation => $"{texts.Cancelled}: {meeting.Title}, {when}",
            NoticePurpose.Reminder => $"{texts.Reminder}: {meeting.Title}, {when}",
            _ => $"{texts.Invitation}: {meeting.Title}, {when}",
        };
    }

    private static string Body(Meeting meeting, NoticePurpose purpose, TimeZoneInfo zone, string note, MeetingTexts texts)
    {
        var local = TimeZoneInfo.ConvertTime(meeting.Start, zone);
        var end = TimeZoneInfo.ConvertTime(meeting.End, zone);
        var body = new StringBuilder();
        if (purpose == NoticePurpose.Cancellation)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{texts.MeetingCancelled}: {meeting.CancellationReason}");
        }
        body.AppendLine(CultureInfo.InvariantCulture, $"{meeting.Title}");
        body.AppendLine(CultureInfo.InvariantCulture, $"{texts.When}: {local:yyyy-MM-dd HH:mm}-{end:HH:mm} ({meeting.TimeZone})");
        if (meeting.Location.Length > 0)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{texts.Where}: {meeting.Location}");
        }
        if (meeting.VideoLink.Length > 0)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{texts.Video}: {meeting.VideoLink}");
        }
        if (note.Length > 0)
        {
            body.AppendLine().AppendLine(note);
        }
        if (meeting.Agenda.Count > 0)
        {
            body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{texts.Agenda}:");
            for (var i = 0; i < meeting.Agenda.Count; i++)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {meeting.Agenda[i].Title}");
            }
        }
        return body.ToString();
    }
}
