using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Consumers;

/// <summary>
/// Invitations of a group's upcoming, already invited meetings follow its participants: the service invites a newcomer
/// (<see cref="InviteNewParticipant"/>) and withdraws the invitations of someone who left (<see cref="WithdrawInvitations"/>),
/// in the unit that records the event as handled.
/// </summary>
public sealed class FollowGroupParticipants(MeetingsContext context) : IEventHandler<ParticipantJoined>, IEventHandler<ParticipantLeft>
{
    public Task HandleAsync(ParticipantJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        new InviteNewParticipant(context.Within(unitOfWork)).RunAsync(
            new InviteNewParticipantCommand(domainEvent.NetworkId, domainEvent.GroupId, domainEvent.PersonId),
            MeetingsContext.Service(domainEvent.NetworkId), cancellationToken);

    public Task HandleAsync(ParticipantLeft domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        new WithdrawInvitations(context.Within(unitOfWork)).RunAsync(
            new WithdrawInvitationsCommand(domainEvent.NetworkId, domainEvent.GroupId, domainEvent.PersonId),
            MeetingsContext.Service(domainEvent.NetworkId), cancellationToken);
}
