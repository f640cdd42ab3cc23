using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Live;

/// <summary>Neither position nor time in <see cref="Start"/>: the events logged from now on.</summary>
public sealed record WatchEventsQuery(string NetworkId, EventLogStart Start, IReadOnlyList<string> Kinds) : INetworkRequest;

/// <summary>
/// The network's events from a start on, as its event log holds them: first those logged already, then each new one as it
/// is logged. The caller reads them until it disposes the stream (the Api's stream loop).
/// </summary>
public sealed class WatchEvents(ReportingContext context, LiveFeed feed) : IUseCase<WatchEventsQuery, LoggedEventStream>
{
    // Anyone of the network may follow its events.
    public void Authorize(WatchEventsQuery query, Caller caller)
    {
    }

    public void Validate(WatchEventsQuery query, Violations violations) => EventLogReading.Validate(violations, query.Start, query.Kinds);

    public async Task<LoggedEventStream> HandleAsync(WatchEventsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        // Subscribed before the start is read: an event logged after that read also reaches the feed after it, and wakes the
        // stream, which reads it from the log.
        var subscription = feed.Subscribe(query.NetworkId);
        try
        {
            var from = await EventLogReading.FirstPositionAsync(context.Store, query.NetworkId, query.Start, cancellationToken);
            return new LoggedEventStream(context.Store, subscription, from, query.Kinds.ToHashSet(StringComparer.Ordinal));
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }
}

/// <summary>
/// Reads a network's log from a position on, in position order, each event once: it catches up page by page, then waits for
/// this replica's feed to say something was logged (or, in case the feed missed it, <see cref="PollInterval"/>) and reads on
/// from where it stopped. Positions commit in order, so what the log shows beyond a position never gains an earlier one.
/// </summary>
public sealed class LoggedEventStream(IDocumentStore store, LiveFeed.Subscription subscription, long from, IReadOnlySet<string> kinds)
    : IDisposable
{
    private const int BatchSize = 200;

    /// <summary>How often the log is read when the feed says nothing (events logged while this replica's queue was away).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    public async IAsyncEnumerable<LoggedEvent> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var next = from;
        while (true)
        {
            // What the feed announced so far is in the log by now: read past it, then wait for more.
            while (subscription.Reader.TryRead(out _))
            {
            }
            EventLogPage page;
            do
            {
                page = await EventLogReading.ReadAsync(store, subscription.NetworkId, next, BatchSize, kinds, ct);
                foreach (var logged in page.Events)
                {
                    yield return logged;
                }
                next = page.NextPosition;
            }
            while (page.More);
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
            poll.CancelAfter(PollInterval);
            try
            {
                await subscription.Reader.WaitToReadAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }
    }

    public void Dispose() => subscription.Dispose();
}
