using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;

namespace NetworkPlatform.Meetings.Features;

public sealed record WithdrawInvitationsCommand(string NetworkId, string GroupId, string PersonId) : INetworkRequest;

/// <summary>
/// Someone left a group: they are taken off the invitations of its upcoming invited meetings and get a cancellation.
/// The service runs it when the groups service says a participant left. The number of meetings they were taken off.
/// </summary>
public sealed class WithdrawInvitations(MeetingsContext context) : IUseCase<WithdrawInvitationsCommand, int>
{
    public const string Reason = "You are no longer a participant of the group.";

    public void Authorize(WithdrawInvitationsCommand command, Caller caller) => Access.EnsureSecretariat(caller);

    public void Validate(WithdrawInvitationsCommand command, Violations violations) => violations
        .NotEmpty(command.GroupId, "group_id", "group id")
        .NotEmpty(command.PersonId, "person_id", "person id");

    public async Task<int> HandleAsync(WithdrawInvitationsCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var texts = await context.TextsAsync(command.NetworkId, cancellationToken);
        var now = context.Now;
        var withdrawn = 0;
        foreach (var meeting in await context.Database.UpcomingInvitedAsync(command.NetworkId, command.GroupId, now, cancellationToken))
        {
            if (meeting.Invitations.FirstOrDefault(i => i.Recipient.PersonId == command.PersonId) is not { } leaving)
            {
                continue;
            }
            await context.ChangeMeetingAsync(command.NetworkId, meeting.Id, "",
                current => Change<Meeting>.With(current.Uninvite(command.PersonId),
                version => Notices.Invitation(current.CancelledFor(Reason), version, NoticePurpose.Cancellation,
                    new Addressees([leaving.Recipient], [NotificationRules.SecretariatRecipient(settings.Secretariat)]), settings, "",
                        texts, now)),
                cancellationToken);
            withdrawn++;
        }
        return withdrawn;
    }
}
