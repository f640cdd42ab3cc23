using NetworkPlatform.Events.Groups;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Consumers;

/// <summary>
/// Invitations of a group's upcoming, already invited meetings follow its participants: a newcomer is invited
/// (with the .ics), someone who left is taken off the list and gets a cancellation. Meetings not yet invited need
/// nothing: SendInvitations reads the group as it is then.
/// </summary>
public sealed class FollowGroupParticipants(MeetingsContext context) : IEventHandler<ParticipantJoined>, IEventHandler<ParticipantLeft>
{
    public async Task HandleAsync(ParticipantJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var settings = await context.Database.SettingsAsync(domainEvent.NetworkId, cancellationToken);
        var group = await context.Groups.GetGroupAsync(domainEvent.NetworkId, domainEvent.GroupId, cancellationToken);
        var addressees = NotificationRules.Resolve(settings.NotificationRules, NotificationEvent.Invitation, group.Participants, settings.Secretariat);
        var newcomer = addressees.All.Where(r => r.PersonId == domainEvent.PersonId).ToList();
        if (newcomer.Count == 0)
        {
            return; // The rules do not address this participant (e.g. only leaders are invited).
        }
        await ForUpcomingInvitedAsync(domainEvent.NetworkId, domainEvent.GroupId, unitOfWork, cancellationToken, async (meeting, now) =>
        {
            if (meeting.Invitations.Any(i => i.Recipient.PersonId == domainEvent.PersonId))
            {
                return null;
            }
            // Only the newcomer is added: the rest of the list changes through its own events, in order.
            var before = Notices.Invited(meeting);
            var invited = meeting.Invite(new Addressees(
                [.. before.To, .. addressees.To.Where(r => r.PersonId == domainEvent.PersonId)],
                [.. before.Cc, .. addressees.Cc.Where(r => r.PersonId == domainEvent.PersonId)]), now);
            return (invited, Notices.Invitation(invited, 0, NoticePurpose.Invitation, new Addressees(newcomer, [NotificationRules.SecretariatRecipient(settings.Secretariat)]), settings, "", now));
        });
    }

    public async Task HandleAsync(ParticipantLeft domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var settings = await context.Database.SettingsAsync(domainEvent.NetworkId, cancellationToken);
        await ForUpcomingInvitedAsync(domainEvent.NetworkId, domainEvent.GroupId, unitOfWork, cancellationToken, (meeting, now) =>
        {
            var leaving = meeting.Invitations.FirstOrDefault(i => i.Recipient.PersonId == domainEvent.PersonId);
            if (leaving is null)
            {
                return Task.FromResult<(Meeting, Events.Meetings.InvitationIssued)?>(null);
            }
            var remaining = meeting with { Invitations = meeting.Invitations.Where(i => i != leaving).ToList() };
            var notice = Notices.Invitation(meeting with { Status = MeetingStatus.Cancelled, CancellationReason = "You are no longer a participant of the group." }, 0,
                NoticePurpose.Cancellation, new Addressees([leaving.Recipient], [NotificationRules.SecretariatRecipient(settings.Secretariat)]), settings, "", now);
            return Task.FromResult<(Meeting, Events.Meetings.InvitationIssued)?>((remaining, notice));
        });
    }

    private async Task ForUpcomingInvitedAsync(string networkId, string groupId, IUnitOfWork unitOfWork, CancellationToken cancellationToken,
        Func<Meeting, DateTimeOffset, Task<(Meeting Changed, Events.Meetings.InvitationIssued Notice)?>> change)
    {
        var now = context.Now;
        foreach (var candidate in (await context.Database.MeetingsBetweenAsync(networkId, now, null, cancellationToken, groupId: groupId))
                     .Where(m => m.IsUpcoming(now) && m.Status == MeetingStatus.Invited))
        {
            var current = await unitOfWork.GetAsync(MeetingsCollections.Meetings, networkId, candidate.Id, cancellationToken);
            if (current is null || await change(current.Document, now) is not { } result)
            {
                continue;
            }
            var version = await unitOfWork.ReplaceAsync(MeetingsCollections.Meetings, networkId, result.Changed, current.Version, cancellationToken);
            await unitOfWork.PublishAsync(result.Notice with { AggregateVersion = version }, cancellationToken);
        }
    }
}
