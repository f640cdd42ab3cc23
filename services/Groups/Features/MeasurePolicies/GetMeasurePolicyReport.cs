using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.MeasurePolicies;

/// <param name="Year">The action plan year; 0 for this year.</param>
public sealed record GetMeasurePolicyReportQuery(string NetworkId, int Year) : INetworkRequest;

/// <summary>How the network's groups stand against the measure policy for a year.</summary>
public sealed class GetMeasurePolicyReport(GroupsContext context) : IUseCase<GetMeasurePolicyReportQuery, MeasurePolicyReport>
{
    public void Authorize(GetMeasurePolicyReportQuery query, Caller caller)
    {
    }

    public void Validate(GetMeasurePolicyReportQuery query, Violations violations) => violations.Require(
        query.Year == 0 || query.Year is >= Measure.FirstYear and <= Measure.LastYear, "year",
        $"Give the action plan year ({Measure.FirstYear}..{Measure.LastYear}), or 0 for this year.");

    public async Task<MeasurePolicyReport> HandleAsync(GetMeasurePolicyReportQuery query, Caller caller,
        CancellationToken cancellationToken)
    {
        var year = query.Year == 0 ? context.Now.Year : query.Year;
        var policy = await GetMeasurePolicy.ReadAsync(context.Store, query.NetworkId, cancellationToken);
        var groups = await context.Store.ReadAllAsync(GroupsCollections.Groups, query.NetworkId, GroupsCollections.Groups.Query(),
            cancellationToken);
        var measures = await context.Store.ReadAllAsync(GroupsCollections.Measures, query.NetworkId,
            GroupsCollections.Measures.Query().Where(m => m.Year, year), cancellationToken);
        return policy.Document.Report(year, groups, measures);
    }
}
