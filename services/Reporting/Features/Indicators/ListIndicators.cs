using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Indicators;

/// <param name="MeasureId">Only the indicators of this measure; empty for all.</param>
public sealed record ListIndicatorsQuery(string NetworkId, string MeasureId) : INetworkRequest;

/// <summary>The network's indicators with their values.</summary>
public sealed class ListIndicators(ReportingContext context, ReportingQueries queries)
    : IUseCase<ListIndicatorsQuery, IReadOnlyList<IndicatorFact>>
{
    // Anyone of the network may read them.
    public void Authorize(ListIndicatorsQuery query, Caller caller)
    {
    }

    public void Validate(ListIndicatorsQuery query, Violations violations)
    {
    }

    public async Task<IReadOnlyList<IndicatorFact>> HandleAsync(ListIndicatorsQuery query, Caller caller,
        CancellationToken cancellationToken)
    {
        if (query.MeasureId.Length > 0)
        {
            await context.Store.RequireAsync(References.Measures, query.NetworkId, query.MeasureId, cancellationToken);
        }
        return await queries.AllAsync(ReportingCollections.Indicators, query.NetworkId, cancellationToken, query.MeasureId.Length == 0
            ? null
            : ReportingCollections.Indicators.Query().Where(i => i.MeasureId, query.MeasureId));
    }
}

/// <summary>Reading an indicator; NOT_FOUND when the network has none with that id.</summary>
internal static class IndicatorReads
{
    public static async Task<Versioned<IndicatorFact>> GetAsync(IDocumentStore store, string networkId, string id, CancellationToken ct) =>
        await store.GetAsync(ReportingCollections.Indicators, networkId, id, ct) ?? throw NotFound(networkId, id);

    public static async Task<Versioned<IndicatorFact>> GetForUpdateAsync(IUnitOfWork unit, string networkId, string id,
        CancellationToken ct) =>
        await unit.GetForUpdateAsync(ReportingCollections.Indicators, networkId, id, ct) ?? throw NotFound(networkId, id);

    private static NotFoundException NotFound(string networkId, string id) =>
        new("networkplatform.reporting.v1.Indicator", $"networks/{networkId}/indicators/{id}");
}
