using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;

namespace NetworkPlatform.Meetings.Features;

/// <param name="TimeZone">Empty: the meeting's zone stays.</param>
public sealed record RescheduleMeetingCommand(string NetworkId, string MeetingId, string Etag, DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string TimeZone, string Reason) : INetworkRequest;

/// <summary>Moves an upcoming meeting, with a reason; people already invited get the updated invitation.</summary>
public sealed class RescheduleMeeting(MeetingsContext context) : IUseCase<RescheduleMeetingCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(RescheduleMeetingCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(RescheduleMeetingCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
        .Require(command.StartTime is not null, "start_time", "Give the new start time.")
        .Require(command.StartTime is null || (command.EndTime is not null && command.EndTime > command.StartTime), "end_time",
            "Give a new end time after the new start time.")
        .OptionalTimeZone(command.TimeZone, "time_zone")
        .NotEmpty(command.Reason, "reason", "reason for moving the meeting (invitees see it)");

    public async Task<MeetingView> HandleAsync(RescheduleMeetingCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var texts = await context.TextsAsync(command.NetworkId, cancellationToken);
        var now = context.Now;
        var moved = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag, before =>
        {
            var after = before.Reschedule(command.StartTime!.Value, command.EndTime!.Value,
                command.TimeZone.Length > 0 ? command.TimeZone : before.TimeZone, before.Location, before.VideoLink, command.Reason, now,
                caller.Subject);
            return new Change<Meeting>(after, version =>
            {
                List<IDomainEvent> events = [new MeetingRescheduled(MeetingsContext.NewEventId(), now, after.NetworkId, after.Id, version,
                    after.Id,
                    after.GroupId, before.Start, before.End, after.Start, after.End, after.TimeZone, command.Reason, after.Sequence)];
                if (after.Invitations.Count > 0)
                {
                    events.Add(Notices.Invitation(after, version, NoticePurpose.Update, after.InvitedAddressees(), settings,
                        $"{texts.Moved}: {command.Reason}", texts, now));
                }
                return events;
            });
        }, cancellationToken);
        return new MeetingView(moved, settings.Quorum);
    }
}
