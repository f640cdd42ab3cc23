using NetworkPlatform.Events.Groups;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Consumers;

/// <summary>A concluded or dissolved group holds no more meetings: its upcoming ones are cancelled (invitees get a CANCEL).</summary>
public sealed class CancelMeetingsOfEndedGroups(MeetingsContext context) : IEventHandler<GroupConcluded>, IEventHandler<GroupDissolved>
{
    public Task HandleAsync(GroupConcluded domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        // "Concluding" means final reporting is under way: the reporting meeting still takes place.
        domainEvent.State == "Concluded"
            ? CancelUpcomingAsync(domainEvent.NetworkId, domainEvent.GroupId, "The group has concluded its work.", unitOfWork, cancellationToken)
            : Task.CompletedTask;

    public Task HandleAsync(GroupDissolved domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        CancelUpcomingAsync(domainEvent.NetworkId, domainEvent.GroupId, $"The group was dissolved: {domainEvent.Reason}", unitOfWork, cancellationToken);

    private async Task CancelUpcomingAsync(string networkId, string groupId, string reason, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var now = context.Now;
        var settings = await context.Database.SettingsAsync(networkId, cancellationToken);
        foreach (var upcoming in (await context.Database.MeetingsBetweenAsync(networkId, now, null, cancellationToken,
            groupId: groupId)).Where(m => m.IsUpcoming(now)))
        {
            var current = await unitOfWork.GetAsync(MeetingsCollections.Meetings, networkId, upcoming.Id, cancellationToken);
            if (current is null || !current.Document.IsUpcoming(now))
            {
                continue;
            }
            var cancelled = current.Document.Cancel(reason);
            var version = await unitOfWork.ReplaceAsync(MeetingsCollections.Meetings, networkId, cancelled, current.Version, cancellationToken);
            await CancelMeeting.PublishAsync(cancelled, version, unitOfWork, settings, now, cancellationToken);
        }
    }
}
