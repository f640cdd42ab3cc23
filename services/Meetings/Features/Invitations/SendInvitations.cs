using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;

namespace NetworkPlatform.Meetings.Features;

/// <param name="Message">A note for the invitees, in the invitation's body.</param>
public sealed record SendInvitationsCommand(string NetworkId, string MeetingId, string Etag, string Message) : INetworkRequest;

/// <summary>
/// Invites the group's participants, as the groups service lists them now, under the network's notification rules;
/// the secretariat is always copied. The notice (with the .ics) leaves as InvitationIssued through the outbox.
/// </summary>
public sealed class SendInvitations(MeetingsContext context) : IUseCase<SendInvitationsCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(SendInvitationsCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(SendInvitationsCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
        .MaxLength("message", command.Message, 4000);

    public async Task<MeetingView> HandleAsync(SendInvitationsCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var current = await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var texts = await context.TextsAsync(command.NetworkId, cancellationToken);
        var secretariat = settings.RequireSecretariatAddress();
        var group = await context.Groups.GetGroupAsync(command.NetworkId, current.Document.GroupId, cancellationToken);
        var addressees = NotificationRules.CopyGroupContact(NotificationRules.Resolve(settings.NotificationRules,
            NotificationEvent.Invitation, group.Participants, secretariat), group.Name, group.ContactEmail);
        var now = context.Now;
        var invited = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag, meeting =>
        {
            var after = meeting.Invite(addressees, now);
            return Change<Meeting>.With(after, version =>
                Notices.Invitation(after, version, NoticePurpose.Invitation, addressees, settings, command.Message, texts,
                    now));
        }, cancellationToken);
        return new MeetingView(invited, settings.Quorum);
    }
}
