using System.Globalization;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>
/// Records a typed decision on the meeting. It takes effect (DecisionRecorded is published for other services to act
/// on) when the minutes carrying it are published.
/// </summary>
public sealed class RecordDecision(MeetingsContext context)
{
    /// <summary>networkplatform.groups.v1 MeasureStatus names, which the groups service applies.</summary>
    private static readonly string[] MeasureStatuses = ["Planned", "InProgress", "Completed", "Postponed", "Cancelled"];

    public async Task<Versioned<Meeting>> HandleAsync(Proto.RecordDecisionRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = request.Decision ?? new Proto.Decision();
        var kind = ProtoMapping.ToDomain(input.Kind);
        decimal amount = 0;
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .NotEmpty(request.MeetingId, "meeting_id", "meeting id")
            .Require(kind is not null, "decision.kind", "Choose a kind: LEADER_ELECTED, BUDGET_RESPONSIBLE_ELECTED, MEASURE_STATUS, REFERRED_TO_PARTNER_MEETING, FUND_APPLICATION_APPROVED or FREE_TEXT.")
            .Require(input.Text.Trim().Length is > 0 and <= 4000, "decision.text", "Word the decision as it goes into the minutes (1..4000 characters).")
            .Require(kind is not (DecisionKind.LeaderElected or DecisionKind.BudgetResponsibleElected) || input.PersonId.Length > 0, "decision.person_id", "Name the person elected.")
            .Require(kind is not DecisionKind.MeasureStatus || input.MeasureId.Length > 0, "decision.measure_id", "Name the measure whose status is decided.")
            .Require(kind is not DecisionKind.MeasureStatus || MeasureStatuses.Contains(input.MeasureStatus), "decision.measure_status", $"Use one of {string.Join(", ", MeasureStatuses)}.")
            .Require(kind is not DecisionKind.FundApplicationApproved
                     || (decimal.TryParse(input.Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out amount) && amount > 0),
                "decision.amount", "Give the amount granted as a positive decimal, e.g. 25000.00.")
            .ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        var decision = new Decision
        {
            Id = Ids.New("dec"),
            Kind = kind!.Value,
            Text = input.Text.Trim(),
            PersonId = input.PersonId.Length > 0 ? input.PersonId : null,
            MeasureId = input.MeasureId.Length > 0 ? input.MeasureId : null,
            MeasureStatus = kind == DecisionKind.MeasureStatus ? input.MeasureStatus : null,
            Amount = kind == DecisionKind.FundApplicationApproved ? amount : null,
            AgendaItemId = input.AgendaItemId.Length > 0 ? input.AgendaItemId : null,
            RecordedAt = context.Now,
            RecordedBy = caller.Subject,
        };
        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting => Task.FromResult(meeting.RecordDecision(decision)), (_, _, _, _) => Task.CompletedTask, cancellationToken);
    }
}
