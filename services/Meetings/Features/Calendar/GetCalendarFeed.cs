using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Calendar;
using NetworkPlatform.Meetings.Domain;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>
/// An iCalendar (RFC 5545) feed of the partner calendar: per network, group or person. It covers a window, the last and
/// the next 12 months unless the request gives a range (at most three years), so it does not grow with the years.
/// </summary>
public sealed class GetCalendarFeed(MeetingsContext context, ListCalendarEntries entries)
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(3 * 366);

    public async Task<Proto.CalendarFeed> HandleAsync(Proto.GetCalendarFeedRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .Require(request.GroupId.Length == 0 || request.PersonId.Length == 0, "person_id", "Ask for a group's or a person's feed, not both.")
            .Require(request.StartTime is null || request.EndTime is null || request.EndTime.ToDateTimeOffset() > request.StartTime.ToDateTimeOffset(), "end_time", "Give an end after the start.")
            .ThrowIfInvalid();
        Access.EnsureReader(caller, request.NetworkId);
        var now = context.Now;
        var from = request.StartTime?.ToDateTimeOffset() ?? request.EndTime?.ToDateTimeOffset().AddYears(-2) ?? now.AddYears(-1);
        var until = request.EndTime?.ToDateTimeOffset() ?? from.AddYears(2);
        new Validation().Require(until - from <= MaxWindow, "end_time",
            "A feed covers at most three years: give a start_time and end_time closer together.").ThrowIfInvalid();
        var settings = await context.Database.SettingsAsync(request.NetworkId, cancellationToken);
        var selection = await entries.SelectAsync(request.NetworkId, from, until, request.GroupId, request.PersonId, includeCancelled: true, cancellationToken);
        var defaultZone = Validation.TryZone(settings.TimeZone) ?? TimeZoneInfo.Utc;

        var events = selection.Meetings
            .Select(m => MeetingCalendar.ForMeeting(m, Validation.TryZone(m.TimeZone) ?? defaultZone, settings.Secretariat, withAttendees: false, m.CreatedAt))
            .Concat(selection.Deadlines.Select(d => MeetingCalendar.ForDeadline(d, Validation.TryZone(d.TimeZone) ?? defaultZone)))
            .ToList();
        var (name, file) = request switch
        {
            { GroupId.Length: > 0 } => ($"Partner calendar: group {request.GroupId}", $"{request.NetworkId}-{request.GroupId}.ics"),
            { PersonId.Length: > 0 } => ($"Partner calendar: my meetings", $"{request.NetworkId}-{request.PersonId}.ics"),
            _ => ("Partner calendar", $"{request.NetworkId}.ics"),
        };
        return new Proto.CalendarFeed
        {
            ContentType = "text/calendar; charset=utf-8",
            FileName = file,
            Content = CalendarDocument.Write(name, CalendarMethod.Publish, events, now, defaultZone),
        };
    }
}
