using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using EventDecisionKind = NetworkPlatform.Events.Meetings.DecisionKind;

namespace NetworkPlatform.Meetings.Features;

/// <param name="BackfilledAt">When backfilling a past year: when the minutes were really published (null: now).</param>
public sealed record PublishMinutesCommand(string NetworkId, string MeetingId, string Etag, DateTimeOffset? BackfilledAt = null)
    : INetworkRequest;

/// <summary>
/// Sends the approved minutes to the group under the network's rules, the secretariat always copied (MinutesPublished),
/// and publishes each decision (DecisionRecorded) for the services that act on it. The secretariat may backfill a past
/// year's minutes with their real publication date: recorded, not mailed again.
/// </summary>
public sealed class PublishMinutes(MeetingsContext context) : IUseCase<PublishMinutesCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(PublishMinutesCommand command, Caller caller)
    {
        if (command.BackfilledAt is null)
        {
            Access.EnsureOrganiserRole(caller);
        }
        else
        {
            Access.EnsureSecretariat(caller);
        }
    }

    public void Validate(PublishMinutesCommand command, Violations violations) => violations.NotEmpty(command.MeetingId, "meeting_id",
        "meeting id");

    public async Task<MeetingView> HandleAsync(PublishMinutesCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var current = await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var secretariat = settings.RequireSecretariatAddress();
        var group = await context.Groups.GetGroupAsync(command.NetworkId, current.Document.GroupId, cancellationToken);
        var addressees = NotificationRules.Resolve(settings.NotificationRules, NotificationEvent.MinutesPublished, group.Participants,
            secretariat);
        var now = context.Now;
        var published = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag, meeting =>
        {
            var after = meeting.PublishMinutes(addressees, now, command.BackfilledAt);
            return new Change<Meeting>(after, version =>
            {
                List<IDomainEvent> events = [new MinutesPublished(MeetingsContext.NewEventId(), now, after.NetworkId, after.Id, version,
                    after.Id,
                    after.GroupId, after.Kind.ToString(), after.Title, after.Start, after.Minutes!.Text,
                    addressees.To.Select(Notices.ToEvent).ToList(), addressees.Cc.Select(Notices.ToEvent).ToList(),
                    after.Decisions.Select(d => d.Id).ToList(), command.BackfilledAt)];
                events.AddRange(after.Decisions.Select(decision => new DecisionRecorded(MeetingsContext.NewEventId(), now,
                    after.NetworkId, after.Id,
                    version, after.Id, after.GroupId, ToEvent(decision.Kind), decision.PersonId, decision.MeasureId,
                    decision.MeasureStatus?.ToString(), decision.Text, decision.FundApplication?.Id, decision.FundApplication?.GroupId,
                    decision.FundApplication?.Year, decision.Amount)));
                return events;
            });
        }, cancellationToken);
        return new MeetingView(published, settings.Quorum);
    }

    private static EventDecisionKind ToEvent(Domain.DecisionKind kind) => kind switch
    {
        Domain.DecisionKind.LeaderElected => EventDecisionKind.LeaderElected,
        Domain.DecisionKind.BudgetResponsibleElected => EventDecisionKind.BudgetResponsibleElected,
        Domain.DecisionKind.MeasureStatus => EventDecisionKind.MeasureStatus,
        Domain.DecisionKind.ReferredToPartnerMeeting => EventDecisionKind.MatterReferredToPartnerMeeting,
        Domain.DecisionKind.FundApplicationApproved => EventDecisionKind.FundApplicationApproved,
        Domain.DecisionKind.FundApplicationRejected => EventDecisionKind.FundApplicationRejected,
        _ => EventDecisionKind.FreeText,
    };
}
