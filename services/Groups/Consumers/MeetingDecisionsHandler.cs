using Microsoft.Extensions.Logging;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using NetworkPlatform.Messaging.Inbox;

namespace NetworkPlatform.Groups.Consumers;

/// <summary>
/// Decisions in a group's minutes that change the group: a leader or budget responsible elected (at the start-up
/// meeting), a measure's status. Other kinds are for other services. A decision that no longer applies (the group was
/// dissolved, the measure belongs elsewhere) is logged and skipped rather than retried forever.
/// </summary>
public sealed class MeetingDecisionsHandler(GroupsContext context, ILogger<MeetingDecisionsHandler> logger) : IEventHandler<DecisionRecorded>
{
    public async Task HandleAsync(DecisionRecorded decision, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        try
        {
            switch (decision.Kind)
            {
                case DecisionKind.LeaderElected:
                    await ElectAsync(decision, GroupRole.Leader, unitOfWork, cancellationToken);
                    break;
                case DecisionKind.BudgetResponsibleElected:
                    await ElectAsync(decision, GroupRole.BudgetResponsible, unitOfWork, cancellationToken);
                    break;
                case DecisionKind.MeasureStatus:
                    await SetMeasureStatusAsync(decision, unitOfWork, cancellationToken);
                    break;
            }
        }
        catch (Exception e) when (e is RuleViolationException or ResourceNotFoundException or InvalidFieldsException)
        {
            logger.LogWarning("Decision {EventId} of meeting {MeetingId} ({Kind}) not applied to group {GroupId}: {Reason}",
                decision.EventId, decision.MeetingId, decision.Kind, decision.GroupId, e.Message);
        }
    }

    private async Task ElectAsync(DecisionRecorded decision, GroupRole role, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(decision.PersonId))
        {
            throw new InvalidFieldsException("person_id", "An election decision names the elected person.");
        }
        var current = await unitOfWork.LoadAsync(GroupsCollections.Groups, decision.NetworkId, decision.GroupId, cancellationToken);
        var group = current.Document;
        if (group.FindParticipant(decision.PersonId)?.Holds(role) == true)
        {
            return; // Already recorded (e.g. assigned by hand before the minutes came).
        }
        // Usually someone in the group is elected; anyone else is checked with membership like any new participant.
        var person = group.FindParticipant(decision.PersonId) is { } participant
            ? new PersonIdentity(participant.PersonId, participant.OrganisationId, participant.RepresentsMember, participant.DisplayName, participant.OrganisationName, participant.Email, participant.Phone)
            : (await context.Membership.CheckRepresentativeAsync(decision.NetworkId, decision.PersonId, cancellationToken)).RequireRepresentative();
        var at = context.Clock.GetUtcNow();
        var changed = group.AssignRole(person, role, at).Group;
        var version = await unitOfWork.ReplaceAsync(GroupsCollections.Groups, decision.NetworkId, changed, current.Version, cancellationToken);
        foreach (var domainEvent in ParticipationEvents.Diff(group, changed, "Replaced", version, at))
        {
            await unitOfWork.PublishAsync(domainEvent, cancellationToken);
        }
    }

    private async Task SetMeasureStatusAsync(DecisionRecorded decision, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(decision.MeasureId) || !Enum.TryParse<MeasureStatus>(decision.MeasureStatus, ignoreCase: true, out var status))
        {
            throw new InvalidFieldsException("measure_status", $"A measure status decision names the measure and a status ({string.Join(", ", Enum.GetNames<MeasureStatus>())}); got '{decision.MeasureStatus}'.");
        }
        var current = await unitOfWork.LoadAsync(GroupsCollections.Measures, decision.NetworkId, decision.MeasureId, cancellationToken);
        if (current.Document.GroupId != decision.GroupId)
        {
            throw new RuleViolationException("MEASURE_NOT_OWNED", $"measures/{decision.MeasureId}", $"The measure belongs to group '{current.Document.GroupId}', not to '{decision.GroupId}'.");
        }
        if (current.Document.Status == status)
        {
            return;
        }
        var at = context.Clock.GetUtcNow();
        var changed = current.Document.WithStatus(status, at);
        var version = await unitOfWork.ReplaceAsync(GroupsCollections.Measures, decision.NetworkId, changed, current.Version, cancellationToken);
        foreach (var domainEvent in MeasureStatusEvents.Changed(current.Document, changed, version, at, $"meeting {decision.MeetingId}", decision.MeetingId))
        {
            await unitOfWork.PublishAsync(domainEvent, cancellationToken);
        }
    }
}
