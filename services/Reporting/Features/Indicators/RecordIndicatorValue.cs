using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Indicators;

public sealed record RecordIndicatorValueCommand(string NetworkId, string IndicatorId, CalendarDay? Date, double Value, string Note)
    : INetworkRequest;

/// <summary>Group leaders, the secretariat and partner systems record an indicator's value of a date (a later value replaces it).</summary>
public sealed class RecordIndicatorValue(ReportingContext context) : IUseCase<RecordIndicatorValueCommand, Versioned<IndicatorFact>>
{
    public void Authorize(RecordIndicatorValueCommand command, Caller caller) =>
        caller.EnsureAnyRole(Roles.GroupLeader, Roles.Secretariat, Roles.PartnerSystem);

    public void Validate(RecordIndicatorValueCommand command, Violations violations) => violations
        .Required("indicator_id", command.IndicatorId)
        .Date("date", command.Date)
        .Require(double.IsFinite(command.Value), "value", "Must be a finite number.");

    public async Task<Versioned<IndicatorFact>> HandleAsync(RecordIndicatorValueCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        await context.RecordAsync(command.NetworkId, null, async unit =>
        {
            var indicator = await IndicatorReads.GetForUpdateAsync(unit, command.NetworkId, command.IndicatorId, cancellationToken);
            return (new IndicatorValueRecorded(Guid.NewGuid(), context.Now, command.NetworkId, command.IndicatorId, indicator.Version + 1,
                command.IndicatorId, command.Date!.ToDate(), (decimal)command.Value, ReportingRules.NullIfEmpty(command.Note)),
                command.IndicatorId);
        }, cancellationToken);
        return await IndicatorReads.GetAsync(context.Store, command.NetworkId, command.IndicatorId, cancellationToken);
    }
}
