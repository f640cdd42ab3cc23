using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Consumers;

/// <summary>Hands invitations and published minutes to the mail adapter, once per event (the inbox guards redelivery).</summary>
public sealed class DeliverNotices(INotificationSender sender) : IEventHandler<InvitationIssued>, IEventHandler<MinutesPublished>
{
    public Task HandleAsync(InvitationIssued domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        sender.SendAsync(domainEvent.Subject, domainEvent.Body, domainEvent.To, domainEvent.Cc, (domainEvent.IcsFileName,
            domainEvent.IcsContent), cancellationToken);

    public Task HandleAsync(MinutesPublished domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        sender.SendAsync($"Minutes: {domainEvent.Title}", domainEvent.Text, domainEvent.To, domainEvent.Cc, null, cancellationToken);
}
