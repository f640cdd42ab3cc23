using System.Globalization;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

/// <param name="Kind">Null for a kind the API could not read.</param>
/// <param name="MeasureStatus">A <see cref="Events.MeasureStatus"/> name (or a former word such as "InProgress").</param>
/// <param name="Amount">FundApplicationApproved: the amount granted, as a decimal text (e.g. 25000.00).</param>
public sealed record RecordDecisionCommand(string NetworkId, string MeetingId, string Etag, DecisionKind? Kind, string Text,
    string PersonId,
    string MeasureId, string MeasureStatus, string Amount, string AgendaItemId) : INetworkRequest;

/// <summary>
/// Records a typed decision on the meeting. It takes effect (DecisionRecorded is published for other services to act
/// on) when the minutes carrying it are published.
/// </summary>
public sealed class RecordDecision(MeetingsContext context) : IUseCase<RecordDecisionCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(RecordDecisionCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(RecordDecisionCommand command, Violations violations)
    {
        var kind = command.Kind;
        violations
            .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
            .Require(kind is not null, "decision.kind", "Choose a kind: LEADER_ELECTED, BUDGET_RESPONSIBLE_ELECTED, MEASURE_STATUS, "
                + "REFERRED_TO_PARTNER_MEETING, FUND_APPLICATION_APPROVED or FREE_TEXT.")
            .Require(command.Text.Trim().Length is > 0 and <= 4000, "decision.text",
                "Word the decision as it goes into the minutes (1..4000 characters).")
            .Require(kind is not (DecisionKind.LeaderElected or DecisionKind.BudgetResponsibleElected) || command.PersonId.Length > 0,
                "decision.person_id", "Name the person elected.")
            .Require(kind is not DecisionKind.MeasureStatus || command.MeasureId.Length > 0, "decision.measure_id",
                "Name the measure whose status is decided.")
            .Require(kind is not DecisionKind.MeasureStatus || MeasureStatuses.TryParse(command.MeasureStatus, out _),
                "decision.measure_status", $"Choose the measure's new status: MEASURE_STATUS_NOT_STARTED, _ON_TRACK, _AT_RISK, _LATE, "
                + $"_DONE or _CANCELLED; got {Violations.Quote(command.MeasureStatus)}.")
            .Require(kind is not DecisionKind.FundApplicationApproved || Amount(command) > 0, "decision.amount",
                "Give the amount granted as a positive decimal, e.g. 25000.00.");
    }

    public async Task<MeetingView> HandleAsync(RecordDecisionCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var kind = command.Kind!.Value;
        var decision = new Decision
        {
            Id = Ids.New("dec"),
            Kind = kind,
            Text = command.Text.Trim(),
            PersonId = command.PersonId.Length > 0 ? command.PersonId : null,
            MeasureId = command.MeasureId.Length > 0 ? command.MeasureId : null,
            MeasureStatus = kind == DecisionKind.MeasureStatus ? MeasureStatuses.Parse(command.MeasureStatus) : null,
            Amount = kind == DecisionKind.FundApplicationApproved ? Amount(command) : null,
            AgendaItemId = command.AgendaItemId.Length > 0 ? command.AgendaItemId : null,
            RecordedAt = context.Now,
            RecordedBy = caller.Subject,
        };
        var changed = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag,
            meeting => Change<Meeting>.Quiet(meeting.RecordDecision(decision)), cancellationToken);
        return await context.ViewAsync(changed, cancellationToken);
    }

    /// <summary>The amount as a number; 0 when it is not one.</summary>
    private static decimal Amount(RecordDecisionCommand command) =>
        decimal.TryParse(command.Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : 0;
}
