using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;

namespace NetworkPlatform.Meetings.Features;

public sealed record SendReminderCommand(string NetworkId, string MeetingId) : INetworkRequest;

/// <summary>Reminds the invitees of an upcoming meeting: on request, or when the reminder sweep finds it due.</summary>
public sealed class SendReminder(MeetingsContext context) : IUseCase<SendReminderCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(SendReminderCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(SendReminderCommand command, Violations violations) => violations.NotEmpty(command.MeetingId, "meeting_id",
        "meeting id");

    public async Task<MeetingView> HandleAsync(SendReminderCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var texts = await context.TextsAsync(command.NetworkId, cancellationToken);
        var now = context.Now;
        var reminded = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, "", meeting =>
        {
            if (!meeting.IsUpcoming(now) || meeting.Invitations.Count == 0)
            {
                throw new RuleViolationException("MEETING_NOT_INVITED", meeting.Subject,
                    "Only upcoming meetings with invitations sent get reminders; send the invitations first.");
            }
            var after = meeting.MarkReminderSent(now);
            var addressees = NotificationRules.Resolve(settings.NotificationRules, NotificationEvent.Reminder,
                after.Invitations.Where(i => i.Recipient.Kind == RecipientKind.Participant && i.Answer != RsvpAnswer.Declined)
                    .Select(i => new GroupParticipant(i.Recipient.PersonId!, i.Recipient.Name, i.Recipient.Email, "member")).ToList(),
                settings.Secretariat);
            return Change<Meeting>.With(after, version => Notices.Invitation(after, version, NoticePurpose.Reminder, addressees, settings,
                "", texts, now));
        }, cancellationToken);
        return new MeetingView(reminded, settings.Quorum);
    }

    /// <summary>
    /// Reminds, as the service, every invited meeting of the network that starts within its reminder lead time and was not
    /// reminded yet; the number reminded.
    /// </summary>
    public async Task<int> RemindDueAsync(string networkId, CancellationToken cancellationToken)
    {
        var settings = await context.Database.SettingsAsync(networkId, cancellationToken);
        var now = context.Now;
        var due = await context.Database.MeetingsBetweenAsync(networkId, now, now.AddHours(settings.ReminderHoursBefore),
            cancellationToken);
        var reminded = 0;
        foreach (var meeting in due.Where(m => m.Status == MeetingStatus.Invited && m.ReminderSentAt is null))
        {
            await this.RunAsync(new SendReminderCommand(networkId, meeting.Id), MeetingsContext.Service(networkId), cancellationToken);
            reminded++;
        }
        return reminded;
    }
}
