using Microsoft.Extensions.Logging;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.Participation;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Consumers;

/// <summary>
/// A participation request to join a group, approved by the group's network in the membership service: the person joins
/// the group (<see cref="AdmitApprovedParticipant"/>, in the delivery's unit of work). One that no longer applies (the group
/// closed, the person already in it or no longer a member's representative) is logged and skipped rather than retried.
/// </summary>
public sealed class ParticipationApprovedHandler(GroupsContext context, ILogger<ParticipationApprovedHandler> logger)
    : IEventHandler<ParticipationAnswered>
{
    public async Task HandleAsync(ParticipationAnswered answered, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (answered is not { Answer: "Approved", Kind: "JoinGroup" })
        {
            return;
        }
        var command = new AdmitApprovedParticipantCommand(answered.GroupNetworkId, answered.GroupId, answered.PersonId,
            answered.ParticipationRequestId);
        try
        {
            await new AdmitApprovedParticipant(context.Within(unitOfWork)).RunAsync(command, ServiceCaller.For(command.NetworkId),
                cancellationToken);
        }
        catch (Exception e) when (e is RuleViolationException or NotFoundException or InvalidFieldsException)
        {
            logger.LogWarning("Approved participation request {RequestId} not applied to group {GroupId}: {Reason}",
                answered.ParticipationRequestId, answered.GroupId, e.Message);
        }
    }
}
