using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;

namespace NetworkPlatform.Reporting.Features.Progress;

public sealed record SubmitProgressReportCommand(string NetworkId, string MeasureId, CalendarDay? PeriodStart, CalendarDay? PeriodEnd,
    MeasureStatus? Status, int Percent, string Narrative, string RequestId) : INetworkRequest;

/// <summary>A measure's progress report, with the measure it is about.</summary>
public sealed record MeasureReport(string MeasureId, ProgressReport Report);

/// <summary>Group leaders and the secretariat report progress on a measure, once per request_id.</summary>
public sealed class SubmitProgressReport(ReportingContext context) : IUseCase<SubmitProgressReportCommand, MeasureReport>
{
    public void Authorize(SubmitProgressReportCommand command, Caller caller) => caller.EnsureAnyRole(Roles.GroupLeader, Roles.Secretariat);

    public void Validate(SubmitProgressReportCommand command, Violations violations)
    {
        violations.Required("measure_id", command.MeasureId).Date("period_start", command.PeriodStart).Date("period_end",
            command.PeriodEnd);
        if (command.PeriodStart?.AsDate is { } start && command.PeriodEnd?.AsDate is { } end && end < start)
        {
            violations.Add("period_end", "Must not be before period_start.");
        }
        violations
            .Require(command.Percent is >= 0 and <= 100, "percent", $"{command.Percent} is not a percentage; use 0-100.")
            .Require(command.Status is not null, "status", "Required: NOT_STARTED, ON_TRACK, AT_RISK, LATE or DONE.");
    }

    public async Task<MeasureReport> HandleAsync(SubmitProgressReportCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var (start, end) = (command.PeriodStart!.ToDate(), command.PeriodEnd!.ToDate());
        var key = IdempotencyKey.For("progress", caller, command.RequestId, command);
        var reportId = await context.RecordAsync(command.NetworkId, key, async unit =>
        {
            var measure = await unit.GetForUpdateAsync(ReportingCollections.Measures, command.NetworkId, command.MeasureId,
                cancellationToken)
                ?? throw References.Measures.NotFound(command.NetworkId, command.MeasureId);
            var id = Guid.NewGuid().ToString("N");
            return (new ProgressReportSubmitted(Guid.NewGuid(), context.Now, command.NetworkId, command.MeasureId, measure.Version + 1, id,
                command.MeasureId, start, end, command.Status!.Value.ToString(), command.Percent, command.Narrative, caller.Subject), id);
        }, cancellationToken);
        var stored = await context.Store.GetAsync(ReportingCollections.Measures, command.NetworkId, command.MeasureId, cancellationToken)
            ?? throw References.Measures.NotFound(command.NetworkId, command.MeasureId);
        return new MeasureReport(command.MeasureId, stored.Document.Reports.Single(r => r.ReportId == reportId));
    }
}
