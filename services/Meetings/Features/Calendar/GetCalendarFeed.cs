using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Calendar;

namespace NetworkPlatform.Meetings.Features;

/// <param name="GroupId">A group's feed; empty for the network's (or a person's).</param>
/// <param name="PersonId">A person's feed: the meetings they are invited to; empty for the network's (or a group's).</param>
public sealed record GetCalendarFeedQuery(string NetworkId, string GroupId, string PersonId, DateTimeOffset? StartTime,
    DateTimeOffset? EndTime)
    : INetworkRequest;

/// <summary>An iCalendar document, as a calendar application subscribes to it.</summary>
public sealed record CalendarFeed(string ContentType, string FileName, string Content);

/// <summary>
/// An iCalendar (RFC 5545) feed of the partner calendar: per network, group or person. It covers a window, the last and
/// the next 12 months unless the request gives a range (at most three years), so it does not grow with the years.
/// </summary>
public sealed class GetCalendarFeed(MeetingsContext context, ListCalendarEntries entries) : IUseCase<GetCalendarFeedQuery, CalendarFeed>
{
    // Anyone of the network reads its calendar.
    public void Authorize(GetCalendarFeedQuery query, Caller caller)
    {
    }

    // Without both ends the window is two years, within the limit.
    public void Validate(GetCalendarFeedQuery query, Violations violations) => violations
        .Require(query.GroupId.Length == 0 || query.PersonId.Length == 0, "person_id", "Ask for a group's or a person's feed, not both.")
        .EndAfterStart(query.StartTime, query.EndTime, "end_time", "Give an end after the start.")
        .Require(query.StartTime is null || query.EndTime is null || query.EndTime <= query.StartTime
            || query.EndTime - query.StartTime <= ListCalendarEntries.MaxWindow, "end_time",
            "A feed covers at most three years: give a start_time and end_time closer together.");

    public async Task<CalendarFeed> HandleAsync(GetCalendarFeedQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var now = context.Now;
        var from = query.StartTime ?? query.EndTime?.AddYears(-2) ?? now.AddYears(-1);
        var until = query.EndTime ?? from.AddYears(2);
        var settings = await context.Database.SettingsAsync(query.NetworkId, cancellationToken);
        var texts = await context.TextsAsync(query.NetworkId, cancellationToken);
        var selection = await entries.SelectAsync(query.NetworkId, from, until, query.GroupId, query.PersonId, includeCancelled: true,
            cancellationToken);
        var defaultZone = MeetingRules.TryZone(settings.TimeZone) ?? TimeZoneInfo.Utc;
        var events = selection.Meetings
            .Select(m => MeetingCalendar.ForMeeting(m, MeetingRules.TryZone(m.TimeZone) ?? defaultZone, settings.Secretariat,
                withAttendees: false, m.CreatedAt, texts))
            .Concat(selection.Deadlines.Select(d => MeetingCalendar.ForDeadline(d, MeetingRules.TryZone(d.TimeZone) ?? defaultZone, texts)))
            .ToList();
        var (name, file) = query switch
        {
            { GroupId.Length: > 0 } => ($"{texts.PartnerCalendar}: {query.GroupId}", $"{query.NetworkId}-{query.GroupId}.ics"),
            { PersonId.Length: > 0 } => ($"{texts.PartnerCalendar}: {query.PersonId}", $"{query.NetworkId}-{query.PersonId}.ics"),
            _ => (texts.PartnerCalendar, $"{query.NetworkId}.ics"),
        };
        return new CalendarFeed("text/calendar; charset=utf-8", file, CalendarDocument.Write(name, CalendarMethod.Publish, events, now,
            defaultZone));
    }
}
