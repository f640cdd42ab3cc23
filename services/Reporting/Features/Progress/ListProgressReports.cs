using NetworkPlatform.Application;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Storage;

namespace NetworkPlatform.Reporting.Features.Progress;

public sealed record ListProgressReportsQuery(string NetworkId, string MeasureId) : INetworkRequest;

/// <summary>A measure's progress reports, by the period they cover.</summary>
public sealed class ListProgressReports(ReportingContext context) : IUseCase<ListProgressReportsQuery, IReadOnlyList<MeasureReport>>
{
    // Anyone of the network may read them.
    public void Authorize(ListProgressReportsQuery query, Caller caller)
    {
    }

    public void Validate(ListProgressReportsQuery query, Violations violations) => violations.Required("measure_id", query.MeasureId);

    public async Task<IReadOnlyList<MeasureReport>> HandleAsync(ListProgressReportsQuery query, Caller caller,
        CancellationToken cancellationToken)
    {
        var measure = await context.Store.GetAsync(ReportingCollections.Measures, query.NetworkId, query.MeasureId, cancellationToken)
            ?? throw References.Measures.NotFound(query.NetworkId, query.MeasureId);
        return [.. measure.Document.Reports.OrderBy(r => r.PeriodEnd).ThenBy(r => r.SubmittedAt)
            .Select(r => new MeasureReport(query.MeasureId, r))];
    }
}
