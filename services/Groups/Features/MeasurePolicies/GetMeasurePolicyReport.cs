using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Measure = NetworkPlatform.Groups.Domain.Measure;
using MeasurePolicyReport = NetworkPlatform.Groups.Domain.MeasurePolicyReport;

namespace NetworkPlatform.Groups.Features.MeasurePolicies;

/// <summary>How the network's groups stand against the measure policy for a year.</summary>
public sealed class GetMeasurePolicyReport(IDocumentStore store, TimeProvider clock)
{
    public async Task<MeasurePolicyReport> HandleAsync(GetMeasurePolicyReportRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.EnsureNetwork(request.NetworkId);
        var year = request.Year == 0 ? clock.GetUtcNow().Year : request.Year;
        if (year is < Measure.FirstYear or > Measure.LastYear)
        {
            throw new InvalidFieldsException("year", $"Give the action plan year ({Measure.FirstYear}..{Measure.LastYear}), or 0 for this year.");
        }
        var policy = await GetMeasurePolicy.ReadAsync(store, request.NetworkId, cancellationToken);
        var groups = await store.ReadAllAsync(GroupsCollections.Groups, request.NetworkId, GroupsCollections.Groups.Query(),
            cancellationToken);
        var measures = await store.ReadAllAsync(GroupsCollections.Measures, request.NetworkId,
            GroupsCollections.Measures.Query().Where(m => m.Year, year), cancellationToken);
        return policy.Document.Report(year, groups, measures);
    }
}
