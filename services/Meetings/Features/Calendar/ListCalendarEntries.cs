using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

public sealed record CalendarSelection(IReadOnlyList<Meeting> Meetings, IReadOnlyList<Deadline> Deadlines);

/// <summary>
/// The partner calendar in a date range: the network's meetings and deadlines, or one group's meetings with the partner
/// meetings and deadlines that concern it, or the meetings one person is invited to with the deadlines.
/// </summary>
public sealed class ListCalendarEntries(MeetingsContext context)
{
    public async Task<CalendarSelection> HandleAsync(Proto.ListCalendarEntriesRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .Require(request.StartTime is not null, "start_time", "Give the start of the range.")
            .Require(request.StartTime is null || (request.EndTime is not null && request.EndTime.ToDateTimeOffset() > request.StartTime.ToDateTimeOffset()), "end_time", "Give an end after the start.")
            .Require(request.StartTime is null || request.EndTime is null || request.EndTime.ToDateTimeOffset() - request.StartTime.ToDateTimeOffset() <= TimeSpan.FromDays(3 * 366),
                "end_time", "Ask for at most three years at a time.")
            .Require(request.GroupId.Length == 0 || request.PersonId.Length == 0, "person_id", "Filter by group or by person, not both.")
            .ThrowIfInvalid();
        Access.EnsureReader(caller, request.NetworkId);
        return await SelectAsync(request.NetworkId, request.StartTime!.ToDateTimeOffset(), request.EndTime!.ToDateTimeOffset(), request.GroupId, request.PersonId, request.IncludeCancelled, cancellationToken);
    }

    /// <summary>
    /// A group's calendar reads its own meetings and the partner meetings of the window (two indexed ranges); the
    /// network's and a person's read the window's meetings.
    /// </summary>
    public async Task<CalendarSelection> SelectAsync(string networkId, DateTimeOffset from, DateTimeOffset until, string groupId, string personId, bool includeCancelled, CancellationToken cancellationToken)
    {
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
