using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Listeners;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// Feeds this replica's <see cref="LiveFeed"/> from its own temporary queue: every event, whichever replica's
/// <see cref="ReportingEventHandler"/> projects it from the shared queue. An event goes on the feed once it is in the
/// event log (the projection committed, the position known), so a dashboard that reloads its figures on an event sees them
/// include it.
/// </summary>
public sealed class LiveFeedListener(LiveFeed feed, [FromKeyedServices(ReportingModule.ServiceName)] IDocumentStore store,
    TimeProvider clock) : IEventListener
{
    /// <summary>The events on the feeds: every documented type (the log keeps them all).</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = [.. Messaging.Bus.EventTypes.FindIn(typeof(IDomainEvent).Assembly)];

    /// <summary>
    /// How long an event may wait for its projection before this replica stops waiting (the projection may be failing):
    /// the feeds show what the log holds, and a stream reading the log finds the event there once it is logged.
    /// </summary>
    private static readonly TimeSpan MaxWaitForLog = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public async Task ListenAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var logId = LoggedEvent.IdFor(domainEvent.EventId, domainEvent.OccurredAt);
        var giveUpAt = clock.GetUtcNow() + MaxWaitForLog;
        while (clock.GetUtcNow() < giveUpAt)
        {
            if (await store.GetAsync(ReportingCollections.EventLog, domainEvent.NetworkId, logId, cancellationToken) is { } logged)
            {
                feed.Publish(domainEvent.NetworkId, logged.Document);
                return;
            }
            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }
}
