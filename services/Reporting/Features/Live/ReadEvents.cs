using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Reporting.Features.Live;

public sealed record ReadEventsQuery(string NetworkId, EventLogStart Start, int PageSize, string PageToken, IReadOnlyList<string> Kinds)
    : INetworkRequest;

/// <summary>Events of a page in position order; the token of the next page (null at the log's end as read); where to go on.</summary>
public sealed record EventsRead(IReadOnlyList<Storage.LoggedEvent> Events, string? NextPageToken, long NextPosition);

/// <summary>
/// A page of the network's event log, from a position or a time or where the previous page ended: how a dashboard catches
/// up on the network's history before it follows the new events (WatchEvents from <see cref="EventsRead.NextPosition"/>).
/// </summary>
public sealed class ReadEvents(ReportingContext context) : IUseCase<ReadEventsQuery, EventsRead>
{
    // Anyone of the network may read its events, as anyone may follow them (WatchEvents).
    public void Authorize(ReadEventsQuery query, Caller caller)
    {
    }

    public void Validate(ReadEventsQuery query, Violations violations)
    {
        EventLogReading.Validate(violations, query.Start, query.Kinds);
        violations.PageSize("page_size", query.PageSize);
        violations.Require(query.PageToken.Length == 0 || EventLogReading.PositionOf(query.PageToken) is not null, "page_token",
            "Is not a token this method issued; pass a response's next_page_token unchanged, or leave it empty.");
    }

    public async Task<EventsRead> HandleAsync(ReadEventsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        // Neither a position nor a time: the whole log.
        var start = query.Start is { Position: null, Time: null } ? new EventLogStart(0, null) : query.Start;
        var from = EventLogReading.PositionOf(query.PageToken)
            ?? await EventLogReading.FirstPositionAsync(context.Store, query.NetworkId, start, cancellationToken);
        var page = await EventLogReading.ReadAsync(context.Store, query.NetworkId, from, Paging.Size(query.PageSize),
            query.Kinds.ToHashSet(StringComparer.Ordinal), cancellationToken);
        return new EventsRead(page.Events, page.More ? EventLogReading.PageToken(page.NextPosition) : null, page.NextPosition);
    }
}
