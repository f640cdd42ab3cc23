using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;

namespace NetworkPlatform.Reporting.Features.Learning;

/// <param name="From">The first day counted.</param>
/// <param name="To">The day after the last one counted.</param>
public sealed record SummariseLearningQuery(string NetworkId, CalendarDay? From, CalendarDay? To) : INetworkRequest;

/// <summary>Learning activities between two dates, summed up by kind.</summary>
public sealed class SummariseLearning(ReportingQueries queries) : IUseCase<SummariseLearningQuery, IReadOnlyList<LearningSummary>>
{
    // Anyone of the network may read it.
    public void Authorize(SummariseLearningQuery query, Caller caller)
    {
    }

    public void Validate(SummariseLearningQuery query, Violations violations) => violations.Date("from", query.From).Date("to", query.To);

    public async Task<IReadOnlyList<LearningSummary>> HandleAsync(SummariseLearningQuery query, Caller caller,
        CancellationToken cancellationToken) =>
        LearningFigures.Summarise(await queries.AllAsync(ReportingCollections.Learning, query.NetworkId, cancellationToken),
            query.From!.ToDate(), query.To!.ToDate());
}
