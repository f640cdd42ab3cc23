using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Consumers;

/// <summary>
/// A concluded or dissolved group holds no more meetings: the service cancels its upcoming ones (<see cref="CancelMeeting"/>,
/// so invitees get a CANCEL), in the unit that records the event as handled.
/// </summary>
public sealed class CancelMeetingsOfEndedGroups(MeetingsContext context) : IEventHandler<GroupConcluded>, IEventHandler<GroupDissolved>
{
    public Task HandleAsync(GroupConcluded domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        // "Concluding" means final reporting is under way: the reporting meeting still takes place.
        domainEvent.State == "Concluded"
            ? CancelUpcomingAsync(domainEvent.NetworkId, domainEvent.GroupId, "The group has concluded its work.", unitOfWork,
                cancellationToken)
            : Task.CompletedTask;

    public Task HandleAsync(GroupDissolved domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        CancelUpcomingAsync(domainEvent.NetworkId, domainEvent.GroupId, $"The group was dissolved: {domainEvent.Reason}", unitOfWork,
            cancellationToken);

    private async Task CancelUpcomingAsync(string networkId, string groupId, string reason, IUnitOfWork unitOfWork,
        CancellationToken cancellationToken)
    {
        var now = context.Now;
        var cancel = new CancelMeeting(context.Within(unitOfWork));
        foreach (var upcoming in (await context.Database.MeetingsBetweenAsync(networkId, now, null, cancellationToken, groupId: groupId))
                     .Where(m => m.IsUpcoming(now)))
        {
            await cancel.RunAsync(new CancelMeetingCommand(networkId, upcoming.Id, "", reason), MeetingsContext.Service(networkId),
                cancellationToken);
        }
    }
}
