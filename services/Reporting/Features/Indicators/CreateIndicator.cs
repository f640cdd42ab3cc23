using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Indicators;

public sealed record CreateIndicatorCommand(string NetworkId, string Name, string Unit, string MeasureId, double? Target, string RequestId)
    : INetworkRequest;

/// <summary>Group leaders and the secretariat create an indicator to collect data for (002), once per request_id.</summary>
public sealed class CreateIndicator(ReportingContext context) : IUseCase<CreateIndicatorCommand, Versioned<IndicatorFact>>
{
    public void Authorize(CreateIndicatorCommand command, Caller caller) => caller.EnsureAnyRole(Roles.GroupLeader, Roles.Secretariat);

    public void Validate(CreateIndicatorCommand command, Violations violations) =>
        violations.Required("name", command.Name).Required("unit", command.Unit, 40);

    public async Task<Versioned<IndicatorFact>> HandleAsync(CreateIndicatorCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var key = IdempotencyKey.For("indicator", caller, command.RequestId, command);
        var id = await context.RecordAsync(command.NetworkId, key, async unit =>
        {
            await References.RequireMeasureIfGivenAsync(unit, command.NetworkId, command.MeasureId, cancellationToken);
            var id = Guid.NewGuid().ToString("N");
            return ((Events.IDomainEvent)new IndicatorCreated(Guid.NewGuid(), context.Now, command.NetworkId, id,
                1, id,
                command.Name, command.Unit, ReportingRules.NullIfEmpty(command.MeasureId), (decimal?)command.Target), id);
        }, cancellationToken);
        return await IndicatorReads.GetAsync(context.Store, command.NetworkId, id, cancellationToken);
    }
}
