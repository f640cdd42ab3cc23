using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Live;

public sealed record ListRecentEventsQuery(string NetworkId, int PageSize) : INetworkRequest;

/// <summary>
/// The network's latest events from the event log, newest first (log ids sort by the time the event happened): a live
/// panel shows them on open, then appends what WatchEvents delivers.
/// </summary>
public sealed class ListRecentEvents(ReportingContext context) : IUseCase<ListRecentEventsQuery, IReadOnlyList<LoggedEvent>>
{
    // Anyone of the network may read its events, as anyone may follow them (WatchEvents).
    public void Authorize(ListRecentEventsQuery query, Caller caller)
    {
    }

    public void Validate(ListRecentEventsQuery query, Violations violations) => violations.PageSize("page_size", query.PageSize);

    public async Task<IReadOnlyList<LoggedEvent>> HandleAsync(ListRecentEventsQuery query, Caller caller,
        CancellationToken cancellationToken)
    {
        var newest = ReportingCollections.EventLog.Query().Page(Paging.Size(query.PageSize)) with { Descending = true };
        var page = await context.Store.QueryAsync(ReportingCollections.EventLog, query.NetworkId, newest, cancellationToken);
        // Events logged before the log numbered them show once a rebuild has (EventLog.NumberOlderEventsAsync).
        return [.. page.Items.Select(item => item.Document).Where(logged => logged.Position > 0)];
    }
}
