using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;

namespace NetworkPlatform.Meetings.Features;

public sealed record InviteNewParticipantCommand(string NetworkId, string GroupId, string PersonId) : INetworkRequest;

/// <summary>
/// Someone joined a group: they are invited (with the .ics) to its upcoming meetings that are already invited, as the
/// network's rules address them. Meetings not yet invited need nothing: SendInvitations reads the group as it is then.
/// The service runs it when the groups service says a participant joined. The number of meetings they were invited to.
/// </summary>
public sealed class InviteNewParticipant(MeetingsContext context) : IUseCase<InviteNewParticipantCommand, int>
{
    public void Authorize(InviteNewParticipantCommand command, Caller caller) => Access.EnsureSecretariat(caller);

    public void Validate(InviteNewParticipantCommand command, Violations violations) => violations
        .NotEmpty(command.GroupId, "group_id", "group id")
        .NotEmpty(command.PersonId, "person_id", "person id");

    public async Task<int> HandleAsync(InviteNewParticipantCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var texts = await context.TextsAsync(command.NetworkId, cancellationToken);
        var group = await context.Groups.GetGroupAsync(command.NetworkId, command.GroupId, cancellationToken);
        var addressees = NotificationRules.Resolve(settings.NotificationRules, NotificationEvent.Invitation, group.Participants,
            settings.Secretariat);
        // Only the newcomer is added: the rest of the list changes through its own events, in order.
        var newcomer = new Addressees([.. addressees.To.Where(r => r.PersonId == command.PersonId)],
            [.. addressees.Cc.Where(r => r.PersonId == command.PersonId)]);
        if (!newcomer.All.Any())
        {
            return 0; // The rules do not address this participant (e.g. only leaders are invited).
        }
        var now = context.Now;
        var invited = 0;
        foreach (var meeting in await context.Database.UpcomingInvitedAsync(command.NetworkId, command.GroupId, now, cancellationToken))
        {
            if (meeting.Invitations.Any(i => i.Recipient.PersonId == command.PersonId))
            {
                continue;
            }
            await context.ChangeMeetingAsync(command.NetworkId, meeting.Id, "", current =>
            {
                var after = current.InviteAlso(newcomer, now);
                return Change<Meeting>.With(after, version => Notices.Invitation(after, version, NoticePurpose.Invitation,
                    new Addressees([.. newcomer.All], [NotificationRules.SecretariatRecipient(settings.Secretariat)]), settings, "", texts,
                        now));
            }, cancellationToken);
            invited++;
        }
        return invited;
    }
}
