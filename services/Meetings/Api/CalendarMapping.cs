using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Api;

/// <summary>networkplatform.meetings.v1.PartnerCalendarService requests -&gt; the use cases' records, and their results -&gt;
/// proto.</summary>
internal static class CalendarMapping
{
    public static ListCalendarEntriesQuery ToQuery(Proto.ListCalendarEntriesRequest r) =>
        new(r.NetworkId, MeetingsMapping.Time(r.StartTime), MeetingsMapping.Time(r.EndTime), r.GroupId, r.PersonId, r.IncludeCancelled);

    public static GetCalendarFeedQuery ToQuery(Proto.GetCalendarFeedRequest r) =>
        new(r.NetworkId, r.GroupId, r.PersonId, MeetingsMapping.Time(r.StartTime), MeetingsMapping.Time(r.EndTime));

    public static CreateDeadlineCommand ToCommand(Proto.CreateDeadlineRequest r)
    {
        var d = r.Deadline ?? new Proto.Deadline();
        return new(r.NetworkId, r.RequestId, d.Title, d.Description, MeetingsMapping.Time(d.DueTime), d.TimeZone, d.GroupId);
    }

    public static DeleteDeadlineCommand ToCommand(Proto.DeleteDeadlineRequest r) => new(r.NetworkId, r.DeadlineId);

    public static GetCadenceComplianceQuery ToQuery(Proto.GetCadenceComplianceRequest r) => new(r.NetworkId, r.Year, r.GroupId);

    public static CheckCadenceCommand ToCommand(Proto.CheckCadenceRequest r) => new(r.NetworkId, r.Year);

    public static Proto.ListCalendarEntriesResponse ToProto(CalendarSelection selection)
    {
        var entries = selection.Meetings.Select(m => new Proto.CalendarEntry
        {
            Kind = Proto.CalendarEntryKind.Meeting,
            EntryId = m.Id,
            Title = m.Title,
            StartTime = Timestamp.FromDateTimeOffset(m.Start),
            EndTime = Timestamp.FromDateTimeOffset(m.End),
            TimeZone = m.TimeZone,
            GroupId = m.GroupId,
            MeetingKind = ProtoMapping.ToProto(m.Kind),
            MeetingStatus = (Proto.MeetingStatus)((int)m.Status + 1),
            Location = m.Location.Length > 0 ? m.Location : m.VideoLink,
        }).Concat(selection.Deadlines.Select(d => new Proto.CalendarEntry
        {
            Kind = Proto.CalendarEntryKind.Deadline,
            EntryId = d.Id,
            Title = d.Title,
            StartTime = Timestamp.FromDateTimeOffset(d.DueAt),
            TimeZone = d.TimeZone,
            GroupId = d.GroupId ?? "",
        })).OrderBy(e => e.StartTime.ToDateTimeOffset()).ThenBy(e => e.EntryId, StringComparer.Ordinal);
        var response = new Proto.ListCalendarEntriesResponse();
        response.Entries.AddRange(entries);
        return response;
    }

    public static Proto.CalendarFeed ToProto(CalendarFeed feed) => new() { ContentType = feed.ContentType, FileName = feed.FileName,
        Content = feed.Content };

    public static Proto.Deadline ToProto(Versioned<Deadline> deadline) => ProtoMapping.ToProto(deadline.Document);

    public static Proto.DeleteDeadlineResponse Deleted(Versioned<Deadline> _) => new();

    public static Proto.CadenceCompliance ToProto(IReadOnlyList<GroupCompliance> results)
    {
        var proto = new Proto.CadenceCompliance { Year = results.FirstOrDefault()?.Report.Year ?? 0 };
        foreach (var (group, report) in results)
        {
            var groupCadence = new Proto.GroupCadence { GroupId = group.GroupId, DisplayName = group.Name, Compliant = report.Compliant };
            groupCadence.Requirements.AddRange(report.Requirements.Select(r => new Proto.CadenceRequirement
            {
                Kind = (Proto.CadenceRequirementKind)((int)r.Kind + 1),
                WindowStartTime = Timestamp.FromDateTimeOffset(r.WindowStart),
                WindowEndTime = Timestamp.FromDateTimeOffset(r.WindowEnd),
                State = (Proto.CadenceState)((int)r.State + 1),
                MeetingId = r.MeetingId ?? "",
                PartnerMeetingId = r.PartnerMeetingId ?? "",
            }));
            proto.Groups.Add(groupCadence);
        }
        return proto;
    }
}
