using System.Globalization;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Reporting.Features;
using NetworkPlatform.Reporting.Features.Money;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Consumers;

/// <summary>
/// Partner-fund decisions in published minutes: the application they name is approved (with the amount granted) or
/// rejected in the applying group's accounts, decided by that meeting, in the delivery's unit of work. Meetings checked the
/// application at minutes time; one decided meanwhile by other means is logged and skipped rather than retried forever.
/// </summary>
public sealed class ApplyFundDecisions(ReportingContext context, ILogger<ApplyFundDecisions> logger) : IEventHandler<DecisionRecorded>
{
    public async Task HandleAsync(DecisionRecorded decision, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (decision.Kind is not (DecisionKind.FundApplicationApproved or DecisionKind.FundApplicationRejected))
        {
            return;
        }
        var approved = decision.Kind == DecisionKind.FundApplicationApproved;
        var command = new DecideFundApplicationCommand(decision.NetworkId, decision.ApplicationGroupId ?? "",
            decision.ApplicationYear ?? 0, decision.FundApplicationId ?? "", approved,
            decision.Amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", "", decision.MeetingId);
        var caller = new Caller(ReportingModule.ServiceName, decision.NetworkId, null, null, new HashSet<string> { Roles.Secretariat });
        try
        {
            await new DecideFundApplication(context.Within(unitOfWork)).RunAsync(command, caller, cancellationToken);
        }
        catch (Exception e) when (e is RuleViolationException or NotFoundException or InvalidFieldsException)
        {
            logger.LogWarning(
                "Decision {EventId} of meeting {MeetingId} ({Kind}) not applied to fund application {ApplicationId}: {Reason}",
                decision.EventId, decision.MeetingId, decision.Kind, decision.FundApplicationId, e.Message);
        }
    }
}
