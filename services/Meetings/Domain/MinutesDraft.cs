using System.Globalization;
using System.Text;

namespace NetworkPlatform.Meetings.Domain;

/// <summary>Writes the first draft of the minutes from what the meeting recorded: agenda, attendance, decisions, action items.</summary>
public static class MinutesDraft
{
    public static string Compose(Meeting meeting, string groupName, TimeZoneInfo zone, Quorum quorum,
        IReadOnlyList<ActionItem> newActionItems, IReadOnlyList<ActionItem> carriedOver)
    {
        var local = TimeZoneInfo.ConvertTime(meeting.Start, zone);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Minutes: {meeting.Title}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{groupName}, {local:yyyy-MM-dd HH:mm} ({meeting.TimeZone}){Place(meeting)}");
        text.AppendLine();
        text.AppendLine("## Attendance");
        foreach (var status in Enum.GetValues<AttendanceStatus>())
        {
            var names = meeting.Attendance.Where(a => a.Status == status).Select(a => a.Name).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"- {status}: {(names.Count == 0 ? "none" : string.Join(", ", names))}");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- Quorum: {(quorum.Reached ? "reached" : "not reached")} ({quorum.Present} present, {quorum.Required} required)");
        text.AppendLine();
        text.AppendLine("## Agenda");
        var number = 0;
        foreach (var item in meeting.Agenda)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{++number}. {item.Title}");
            foreach (var decision in meeting.Decisions.Where(d => d.AgendaItemId == item.Id))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   - Decision: {decision.Text}");
            }
        }
        var unlinked = meeting.Decisions.Where(d => d.AgendaItemId is null || meeting.Agenda.All(a => a.Id != d.AgendaItemId)).ToList();
        if (unlinked.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Other decisions");
            foreach (var decision in unlinked)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {decision.Text}");
            }
        }
        if (carriedOver.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Action items from earlier meetings");
            foreach (var item in carriedOver)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"- [{(item.Status == ActionItemStatus.Done ? "x" : " ")}] {item.Title} "
                    + $"({item.OwnerName}, due {item.DueDate:yyyy-MM-dd})");
            }
        }
        if (newActionItems.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Action items");
            foreach (var item in newActionItems)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- [ ] {item.Title} ({item.OwnerName}, due {item.DueDate:yyyy-MM-dd})");
            }
        }
        return text.ToString();
    }

    private static string Place(Meeting meeting) =>
        (meeting.Location, meeting.VideoLink) switch
        {
            ("", "") => "",
            (var place, "") => $", {place}",
            ("", var link) => $", {link}",
            var (place, link) => $", {place} / {link}",
        };
}
