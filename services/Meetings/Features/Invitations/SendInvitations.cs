using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>
/// Invites the group's participants, as the groups service lists them now, under the network's notification rules;
/// the secretariat is always copied. The notice (with the .ics) leaves as InvitationIssued through the outbox.
/// </summary>
public sealed class SendInvitations(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.SendInvitationsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .NotEmpty(request.MeetingId, "meeting_id", "meeting id")
            .MaxLength("message", request.Message, 4000)
            .ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        var settings = await context.Database.SettingsAsync(request.NetworkId, cancellationToken);
        var secretariat = settings.RequireSecretariatAddress();
        var group = await context.Groups.GetGroupAsync(request.NetworkId, current.Document.GroupId, cancellationToken);
        var addressees = NotificationRules.Resolve(settings.NotificationRules, NotificationEvent.Invitation, group.Participants, secretariat);
        var now = context.Now;

        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting => Task.FromResult(meeting.Invite(addressees, now)),
            (_, after, version, unitOfWork) => unitOfWork.PublishAsync(
                Notices.Invitation(after, version, NoticePurpose.Invitation, addressees, settings, request.Message, now), cancellationToken),
            cancellationToken);
    }
}
