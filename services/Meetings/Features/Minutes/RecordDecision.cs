using System.Globalization;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <param name="Kind">Null for a kind the API could not read.</param>
/// <param name="MeasureStatus">A <see cref="Events.MeasureStatus"/> name (or a former word such as "InProgress").</param>
/// <param name="Amount">FundApplicationApproved: the amount granted, as a decimal text (e.g. 25000.00).</param>
/// <param name="FundApplicationId">FundApplicationApproved, FundApplicationRejected: the reporting service's application.</param>
public sealed record RecordDecisionCommand(string NetworkId, string MeetingId, string Etag, DecisionKind? Kind, string Text,
    string PersonId, string MeasureId, string MeasureStatus, string Amount, string AgendaItemId, string FundApplicationId = "")
    : INetworkRequest;

/// <summary>
/// Records a typed decision on the meeting. It takes effect (DecisionRecorded is published for other services to act
/// on) when the minutes carrying it are published. What it names is checked now: a measure against the groups service, a
/// fund application against the copy of reporting's applications (NOT_FOUND when unknown, FAILED_PRECONDITION when
/// already decided).
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
                + "REFERRED_TO_PARTNER_MEETING, FUND_APPLICATION_APPROVED, FUND_APPLICATION_REJECTED or FREE_TEXT.")
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
                "Give the amount granted as a positive decimal, e.g. 25000.00.")
            .Require(kind is not (DecisionKind.FundApplicationApproved or DecisionKind.FundApplicationRejected)
                || command.FundApplicationId.Length > 0, "decision.fund_application_id",
                "Name the fund application decided (its application_id in the group's accounts).");
    }

    public async Task<MeetingView> HandleAsync(RecordDecisionCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var kind = command.Kind!.Value;
        if (kind == DecisionKind.MeasureStatus)
        {
            await context.Groups.EnsureMeasuresExistAsync(command.NetworkId, [command.MeasureId], cancellationToken);
        }
        var application = kind is DecisionKind.FundApplicationApproved or DecisionKind.FundApplicationRejected
            ? await OpenApplicationAsync(command.NetworkId, command.FundApplicationId, cancellationToken)
            : null;
        var decision = new Decision
        {
            Id = Ids.New("dec"),
            Kind = kind,
            Text = command.Text.Trim(),
            PersonId = command.PersonId.Length > 0 ? command.PersonId : null,
            MeasureId = command.MeasureId.Length > 0 ? command.MeasureId : null,
            MeasureStatus = kind == DecisionKind.MeasureStatus ? MeasureStatuses.Parse(command.MeasureStatus) : null,
            Amount = kind == DecisionKind.FundApplicationApproved ? Amount(command) : null,
            FundApplication = application,
            AgendaItemId = command.AgendaItemId.Length > 0 ? command.AgendaItemId : null,
            RecordedAt = context.Now,
            RecordedBy = caller.Subject,
        };
        var changed = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag,
            meeting => Change<Meeting>.Quiet(meeting.RecordDecision(decision)), cancellationToken);
        return await context.ViewAsync(changed, cancellationToken);
    }

    /// <summary>The application as reporting announced it; NOT_FOUND when unknown, FAILED_PRECONDITION when decided.</summary>
    private async Task<FundApplicationRef> OpenApplicationAsync(string networkId, string id, CancellationToken cancellationToken)
    {
        var copy = await context.Store.GetAsync(MeetingsCollections.FundApplications, networkId, id, cancellationToken)
            ?? throw new NotFoundException("networkplatform.reporting.v1.FundApplication", $"networks/{networkId}/fundApplications/{id}");
        return copy.Document.Decided
            ? throw new RuleViolationException("FUND_APPLICATION_ALREADY_DECIDED", $"fundApplications/{id}",
                $"Fund application {id} was already decided; the group submits a new application to ask again.")
            : new FundApplicationRef(copy.Document.Id, copy.Document.GroupId, copy.Document.Year);
    }

    /// <summary>The amount as a number; 0 when it is not one.</summary>
    private static decimal Amount(RecordDecisionCommand command) =>
        decimal.TryParse(command.Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : 0;
}
