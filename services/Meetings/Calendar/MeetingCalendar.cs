using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Calendar;

/// <summary>
/// How meetings and deadlines appear in calendars (in the network's language): UIDs stable per meeting, SEQUENCE from the
/// meeting.
/// </summary>
public static class MeetingCalendar
{
    public static string Uid(Meeting meeting) => $"{meeting.Id}@meetings.networkplatform";

    public static string Uid(Deadline deadline) => $"{deadline.Id}@deadlines.networkplatform";

    public static CalendarEvent ForMeeting(Meeting meeting, TimeZoneInfo zone, Secretariat secretariat, bool withAttendees,
        DateTimeOffset lastModified, MeetingTexts texts) => new()
    {
        Uid = Uid(meeting),
        Sequence = meeting.Sequence,
        Summary = meeting.Title,
        Description = Description(meeting, texts),
        Location = meeting.Location.Length > 0 ? meeting.Location : meeting.VideoLink,
        Url = meeting.VideoLink,
        Start = meeting.Start,
        End = meeting.End,
        Zone = zone,
        Status = meeting.Status switch
        {
            MeetingStatus.Cancelled => "CANCELLED",
            MeetingStatus.Planned => "TENTATIVE",
            _ => "CONFIRMED",
        },
        Categories = [KindName(meeting.Kind)],
        Organizer = withAttendees ? Organizer(secretariat) : null,
        Attendees = withAttendees ? meeting.Invitations.Select(i => Attendee(i.Recipient, i.Copy == CopyKind.Cc, i.Answer)).ToList() : [],
        LastModified = lastModified,
    };

    public static CalendarEvent ForDeadline(Deadline deadline, TimeZoneInfo zone, MeetingTexts texts) => new()
    {
        Uid = Uid(deadline),
        Sequence = 0,
        Summary = $"{texts.Deadline}: {deadline.Title}",
        Description = deadline.Description,
        Start = deadline.DueAt,
        Zone = zone,
        Status = "CONFIRMED",
        Categories = ["DEADLINE"],
        LastModified = deadline.CreatedAt,
    };

    public static string KindName(MeetingKind kind) => kind switch
    {
        MeetingKind.StartUp => "START-UP MEETING",
        MeetingKind.Interim => "INTERIM MEETING",
        MeetingKind.Reporting => "REPORTING MEETING",
        MeetingKind.PartnerMeeting => "PARTNER MEETING",
        MeetingKind.GroupLeaderMeeting => "GROUP-LEADER MEETING",
        MeetingKind.Workshop => "WORKSHOP",
        _ => "MEETING",
    };

    /// <summary>The secretariat organises every meeting; without its address there is no organiser to name.</summary>
    public static CalendarAttendee? Organizer(Secretariat secretariat) =>
        secretariat.Email.Length > 0 ? new CalendarAttendee(secretariat.Name, Address(secretariat.Email, null), false, "ACCEPTED") : null;

    public static CalendarAttendee Attendee(Recipient recipient, bool copied, RsvpAnswer answer) =>
        new(recipient.Name, Address(recipient.Email, recipient.PersonId), copied, PartStat(answer));

    /// <summary>A calendar user address: mailto when the email is known, else a URN naming the person.</summary>
    private static string Address(string email, string? personId) =>
        email.Length > 0 ? $"mailto:{email}" : $"urn:networkplatform:person:{personId}";

    private static string PartStat(RsvpAnswer answer) => answer switch
    {
        RsvpAnswer.Accepted => "ACCEPTED",
        RsvpAnswer.Declined => "DECLINED",
        RsvpAnswer.Tentative => "TENTATIVE",
        _ => "NEEDS-ACTION",
    };

    private static string Description(Meeting meeting, MeetingTexts texts)
    {
        var lines = new List<string>();
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            lines.Add($"{texts.Cancelled}: {meeting.CancellationReason}");
        }
        if (meeting.VideoLink.Length > 0)
        {
            lines.Add($"{texts.Video}: {meeting.VideoLink}");
        }
        if (meeting.Agenda.Count > 0)
        {
            lines.Add($"{texts.Agenda}:");
            lines.AddRange(meeting.Agenda.Select((item, index) => $"{index + 1}. {item.Title}"));
        }
        return string.Join("\n", lines);
    }
}
