using Microsoft.Extensions.Logging;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Groups.Features.RoleAssignments;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Consumers;

/// <summary>
/// Decisions in a group's minutes that change the group: a leader or budget responsible elected (at the start-up
/// meeting), a measure's status. Other kinds are for other services. Each runs its use case in the delivery's unit of
/// work. A decision that no longer applies (the group was dissolved, the measure belongs elsewhere) is logged and
/// skipped rather than retried forever.
/// </summary>
public sealed class MeetingDecisionsHandler(GroupsContext context, ILogger<MeetingDecisionsHandler> logger)
    : IEventHandler<DecisionRecorded>
{
    public async Task HandleAsync(DecisionRecorded decision, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var caller = ServiceCaller.For(decision.NetworkId);
        var within = context.Within(unitOfWork);
        var (recordElection, recordMeasureStatus) = (new RecordElection(within), new RecordMeasureStatus(within));
        try
        {
            _ = decision.Kind switch
            {
                DecisionKind.LeaderElected => await recordElection.RunAsync(Election(decision, GroupRole.Leader), caller,
                    cancellationToken),
                DecisionKind.BudgetResponsibleElected =>
                    await recordElection.RunAsync(Election(decision, GroupRole.BudgetResponsible), caller, cancellationToken),
                DecisionKind.MeasureStatus => await recordMeasureStatus.RunAsync(new RecordMeasureStatusCommand(decision.NetworkId,
                    decision.MeasureId ?? "", decision.GroupId, decision.MeasureStatus ?? "", decision.MeetingId), caller,
                        cancellationToken),
                _ => (object?)null,
            };
        }
        catch (Exception e) when (e is RuleViolationException or NotFoundException or InvalidFieldsException)
        {
            logger.LogWarning("Decision {EventId} of meeting {MeetingId} ({Kind}) not applied to group {GroupId}: {Reason}",
                decision.EventId, decision.MeetingId, decision.Kind, decision.GroupId, e.Message);
        }
    }

    private static RecordElectionCommand Election(DecisionRecorded decision, GroupRole role) =>
        new(decision.NetworkId, decision.GroupId, decision.PersonId ?? "", role);
}
