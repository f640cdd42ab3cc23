using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;

namespace NetworkPlatform.Meetings.Features;

/// <param name="Reason">Invitees see it.</param>
public sealed record CancelMeetingCommand(string NetworkId, string MeetingId, string Etag, string Reason) : INetworkRequest;

/// <summary>
/// Cancels an upcoming meeting with a reason; invitees get an iCalendar CANCEL. The service runs it too, for the meetings
/// of a group that has ended.
/// </summary>
public sealed class CancelMeeting(MeetingsContext context) : IUseCase<CancelMeetingCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(CancelMeetingCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(CancelMeetingCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
        .NotEmpty(command.Reason, "reason", "reason for cancelling (invitees see it)");

    public async Task<MeetingView> HandleAsync(CancelMeetingCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var texts = await context.TextsAsync(command.NetworkId, cancellationToken);
        var now = context.Now;
        var cancelled = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag, meeting =>
        {
            var after = meeting.Cancel(command.Reason);
            return new Change<Meeting>(after, version =>
            {
                // MeetingCancelled, and the CANCEL notice to everyone who was invited.
                List<IDomainEvent> events = [new MeetingCancelled(MeetingsContext.NewEventId(), now, after.NetworkId, after.Id, version,
                    after.Id,
                    after.GroupId, after.Kind.ToString(), after.Start, after.CancellationReason, after.Sequence)];
                if (after.Invitations.Count > 0)
                {
                    events.Add(Notices.Invitation(after, version, NoticePurpose.Cancellation, after.InvitedAddressees(), settings, "",
                        texts, now));
                }
                return events;
            });
        }, cancellationToken);
        return new MeetingView(cancelled, settings.Quorum);
    }
}
