using System.Globalization;
using System.Text;

namespace NetworkPlatform.Meetings.Domain;

/// <summary>
/// Writes the first draft of the minutes from what the meeting recorded (agenda, attendance, decisions, action items), in
/// the network's language.
/// </summary>
public static class MinutesDraft
{
    public static string Compose(Meeting meeting, string groupName, TimeZoneInfo zone, Quorum quorum,
        IReadOnlyList<ActionItem> newActionItems, IReadOnlyList<ActionItem> carriedOver, MeetingTexts texts)
    {
        var local = TimeZoneInfo.ConvertTime(meeting.Start, zone);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {texts.Minutes}: {meeting.Title}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{groupName}, {local:yyyy-MM-dd HH:mm} ({meeting.TimeZone}){Place(meeting)}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {texts.Attendance}");
        foreach (var status in Enum.GetValues<AttendanceStatus>())
        {
            var names = meeting.Attendance.Where(a => a.Status == status).Select(a => a.Name).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {texts.AttendanceNames[status]}: {(names.Count == 0 ? texts.None : string.Join(", ", names))}");
        }
        var counts = string.Format(CultureInfo.InvariantCulture, texts.PresentRequired, quorum.Present, quorum.Required);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- {texts.Quorum}: {(quorum.Reached ? texts.QuorumReached : texts.QuorumNotReached)} ({counts})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {texts.Agenda}");
        var number = 0;
        foreach (var item in meeting.Agenda)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{++number}. {item.Title}");
            foreach (var decision in meeting.Decisions.Where(d => d.AgendaItemId == item.Id))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   - {texts.Decision}: {decision.Text}");
            }
        }
        var unlinked = meeting.Decisions.Where(d => d.AgendaItemId is null || meeting.Agenda.All(a => a.Id != d.AgendaItemId)).ToList();
        if (unlinked.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {texts.OtherDecisions}");
            foreach (var decision in unlinked)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {decision.Text}");
            }
        }
        if (carriedOver.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {texts.EarlierActionItems}");
            foreach (var item in carriedOver)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"- [{(item.Status == ActionItemStatus.Done ? "x" : " ")}] {item.Title} "
                    + $"({item.OwnerName}, {texts.Due} {item.DueDate:yyyy-MM-dd})");
            }
        }
        if (newActionItems.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {texts.ActionItems}");
            foreach (var item in newActionItems)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"- [ ] {item.Title} ({item.OwnerName}, {texts.Due} {item.DueDate:yyyy-MM-dd})");
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
