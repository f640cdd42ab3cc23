using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;
using EventDecisionKind = NetworkPlatform.Events.Meetings.DecisionKind;

namespace NetworkPlatform.Meetings.Features;

/// <summary>
/// Sends the approved minutes to the group under the network's rules, the secretariat always copied (MinutesPublished),
/// and publishes each decision (DecisionRecorded) for the services that act on it.
/// </summary>
public sealed class PublishMinutes(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.PublishMinutesRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation().NotEmpty(request.NetworkId, "network_id", "network id").NotEmpty(request.MeetingId, "meeting_id", "meeting id").ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        var settings = await context.Database.SettingsAsync(request.NetworkId, cancellationToken);
        var secretariat = settings.RequireSecretariatAddress();
        var group = await context.Groups.GetGroupAsync(request.NetworkId, current.Document.GroupId, cancellationToken);
        var addressees = NotificationRules.Resolve(settings.NotificationRules, NotificationEvent.MinutesPublished, group.Participants, secretariat);
        var now = context.Now;

        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting => Task.FromResult(meeting.PublishMinutes(addressees, now)),
            async (_, after, version, unitOfWork) =>
            {
                await unitOfWork.PublishAsync(new MinutesPublished(MeetingsContext.NewEventId(), now, after.NetworkId, after.Id, version, after.Id, after.GroupId,
                    after.Kind.ToString(), after.Title, after.Start, after.Minutes!.Text,
                    addressees.To.Select(Notices.ToEvent).ToList(), addressees.Cc.Select(Notices.ToEvent).ToList(),
                    after.Decisions.Select(d => d.Id).ToList()), cancellationToken);
                foreach (var decision in after.Decisions)
                {
                    await unitOfWork.PublishAsync(new DecisionRecorded(MeetingsContext.NewEventId(), now, after.NetworkId, after.Id, version, after.Id, after.GroupId,
                        ToEvent(decision.Kind), decision.PersonId, decision.MeasureId, decision.MeasureStatus, decision.Text), cancellationToken);
                }
            },
            cancellationToken);
    }

    private static EventDecisionKind ToEvent(Domain.DecisionKind kind) => kind switch
    {
        Domain.DecisionKind.LeaderElected => EventDecisionKind.LeaderElected,
        Domain.DecisionKind.BudgetResponsibleElected => EventDecisionKind.BudgetResponsibleElected,
        Domain.DecisionKind.MeasureStatus => EventDecisionKind.MeasureStatus,
        Domain.DecisionKind.ReferredToPartnerMeeting => EventDecisionKind.MatterReferredToPartnerMeeting,
        Domain.DecisionKind.FundApplicationApproved => EventDecisionKind.FundApplicationApproved,
        _ => EventDecisionKind.FreeText,
    };
}
