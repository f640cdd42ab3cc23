using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;

namespace NetworkPlatform.Reporting.Features.Progress;

/// <param name="GroupId">Only this group's measures; empty for all.</param>
public sealed record GetMeasureProgressQuery(string NetworkId, int Year, string GroupId) : INetworkRequest;

/// <summary>A year's measures with their (rolled-up) progress and their parents, and how many are on track, late and done.</summary>
public sealed record MeasureProgressResult(IReadOnlyList<MeasureProgressFigure> Measures, IReadOnlyDictionary<string, string?> Parents)
{
    public int OnTrack => Measures.Count(f => !f.IsLate && f.Status == MeasureStatus.OnTrack);

    public int Late => Measures.Count(f => f.IsLate);

    public int Done => Measures.Count(f => f.Status == MeasureStatus.Done);
}

/// <summary>Progress of a year's measures, rolled up from sub-measures.</summary>
public sealed class GetMeasureProgress(ReportingContext context, ReportingQueries queries) : IUseCase<GetMeasureProgressQuery,
    MeasureProgressResult>
{
    // Anyone of the network may read it.
    public void Authorize(GetMeasureProgressQuery query, Caller caller)
    {
    }

    public void Validate(GetMeasureProgressQuery query, Violations violations) => violations.Year("year", query.Year);

    public async Task<MeasureProgressResult> HandleAsync(GetMeasureProgressQuery query, Caller caller, CancellationToken cancellationToken)
    {
        if (query.GroupId.Length > 0)
        {
            await References.RequireGroupAsync(context.Store, query.NetworkId, query.GroupId, cancellationToken);
        }
        var measures = await queries.AllAsync(ReportingCollections.Measures, query.NetworkId, cancellationToken,
            ReportingCollections.Measures.Query().Where(m => m.Year, query.Year));
        var figures = MeasureProgressFigures.Compute(measures, context.Today)
            .Where(f => query.GroupId.Length == 0 || f.GroupId == query.GroupId)
            .ToList();
        return new MeasureProgressResult(figures, measures.ToDictionary(m => m.MeasureId, m => m.ParentMeasureId));
    }
}
