using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Reminds the invitees of an upcoming meeting: on request, or when the reminder sweep finds it due.</summary>
public sealed class SendReminder(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.SendReminderRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation().NotEmpty(request.NetworkId, "network_id", "network id").NotEmpty(request.MeetingId, "meeting_id", "meeting id").ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        return await RemindAsync(request.NetworkId, request.MeetingId, cancellationToken);
    }

    /// <summary>Reminds every invited meeting of the network that starts within its reminder lead time and was not reminded yet.</summary>
    public async Task<int> RemindDueAsync(string networkId, CancellationToken cancellationToken)
    {
        var settings = await context.Database.SettingsAsync(networkId, cancellationToken);
        var now = context.Now;
        var due = await context.Database.MeetingsBetweenAsync(networkId, now, now.AddHours(settings.ReminderHoursBefore), cancellationToken);
        var reminded = 0;
        foreach (var meeting in due.Where(m => m.Status == MeetingStatus.Invited && m.ReminderSentAt is null))
        {
            await RemindAsync(networkId, meeting.Id, cancellationToken);
            reminded++;
        }
        return reminded;
    }

    private async Task<Versioned<Meeting>> RemindAsync(string networkId, string meetingId, CancellationToken cancellationToken)
    {
        var settings = await context.Database.SettingsAsync(networkId, cancellationToken);
        var now = context.Now;
        return await context.Database.ChangeMeetingAsync(networkId, meetingId, "",
            meeting =>
            {
                if (!meeting.IsUpcoming(now) || meeting.Invitations.Count == 0)
                {
                    throw new MeetingRuleException("MEETING_NOT_INVITED", meeting.Subject, "Only upcoming meetings with invitations sent get reminders; send the invitations first.");
                }
                return Task.FromResult(meeting.MarkReminderSent(now));
            },
            (_, after, version, unitOfWork) =>
            {
                var addressees = NotificationRules.Resolve(settings.NotificationRules, NotificationEvent.Reminder,
                    after.Invitations.Where(i => i.Recipient.Kind == RecipientKind.Participant && i.Answer != RsvpAnswer.Declined)
                        .Select(i => new GroupParticipant(i.Recipient.PersonId!, i.Recipient.Name, i.Recipient.Email, "member")).ToList(),
                    settings.Secretariat);
                return unitOfWork.PublishAsync(Notices.Invitation(after, version, NoticePurpose.Reminder, addressees, settings, "", now), cancellationToken);
            },
            cancellationToken);
    }
}
