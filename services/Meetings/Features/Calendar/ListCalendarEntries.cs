using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

/// <param name="GroupId">A group's calendar (its meetings, the partner meetings, its deadlines); empty for the network's.</param>
/// <param name="PersonId">The meetings a person is invited to, with the deadlines; empty for all.</param>
public sealed record ListCalendarEntriesQuery(string NetworkId, DateTimeOffset? StartTime, DateTimeOffset? EndTime, string GroupId,
    string PersonId, bool IncludeCancelled) : INetworkRequest;

public sealed record CalendarSelection(IReadOnlyList<Meeting> Meetings, IReadOnlyList<Deadline> Deadlines);

/// <summary>
/// The partner calendar in a date range: the network's meetings and deadlines, or one group's meetings with the partner
/// meetings and deadlines that concern it, or the meetings one person is invited to with the deadlines.
/// </summary>
public sealed class ListCalendarEntries(MeetingsContext context) : IUseCase<ListCalendarEntriesQuery, CalendarSelection>
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(3 * 366);

    // Anyone of the network reads its calendar.
    public void Authorize(ListCalendarEntriesQuery query, Caller caller)
    {
    }

    public void Validate(ListCalendarEntriesQuery query, Violations violations) => violations
        .Require(query.StartTime is not null, "start_time", "Give the start of the range.")
        .Require(query.StartTime is null || (query.EndTime is not null && query.EndTime > query.StartTime), "end_time",
            "Give an end after the start.")
        .Require(query.StartTime is null || query.EndTime is null || query.EndTime - query.StartTime <= MaxWindow, "end_time",
            "Ask for at most three years at a time.")
        .Require(query.GroupId.Length == 0 || query.PersonId.Length == 0, "person_id", "Filter by group or by person, not both.");

    public Task<CalendarSelection> HandleAsync(ListCalendarEntriesQuery query, Caller caller, CancellationToken cancellationToken) =>
        SelectAsync(query.NetworkId, query.StartTime!.Value, query.EndTime!.Value, query.GroupId, query.PersonId, query.IncludeCancelled,
            cancellationToken);

    /// <summary>
    /// A group's calendar reads its own meetings and the partner meetings of the window (two indexed ranges); the
    /// network's and a person's read the window's meetings. A group the groups service does not know is NOT_FOUND.
    /// </summary>
    public async Task<CalendarSelection> SelectAsync(string networkId, DateTimeOffset from, DateTimeOffset until, string groupId,
        string personId,
        bool includeCancelled, CancellationToken cancellationToken)
    {
        await context.RequireGroupIfGivenAsync(networkId, groupId, cancellationToken);
        var database = context.Database;
        var inWindow = groupId.Length > 0
            ? [.. await database.MeetingsBetweenAsync(networkId, from, until, cancellationToken, groupId: groupId),
               .. (await database.MeetingsBetweenAsync(networkId, from, until, cancellationToken,
                   kind: MeetingKind.PartnerMeeting)).Where(m => m.GroupId != groupId)]
            : await database.MeetingsBetweenAsync(networkId, from, until, cancellationToken);
        var meetings = inWindow
            .Where(m => includeCancelled || m.Status != MeetingStatus.Cancelled)
            .Where(m => personId.Length == 0 || m.Invitations.Any(i => i.Recipient.PersonId == personId))
            .OrderBy(m => m.Start).ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        var deadlines = (await database.DeadlinesBetweenAsync(networkId, from, until, cancellationToken))
            .Where(d => groupId.Length == 0 || d.GroupId is null || d.GroupId == groupId)
            .OrderBy(d => d.DueAt).ToList();
        return new CalendarSelection(meetings, deadlines);
    }
}
