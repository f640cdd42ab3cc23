using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Listeners;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// Feeds this replica's <see cref="LiveFeed"/> from its own temporary queue: every event, whichever replica's
/// <see cref="ReportingEventHandler"/> projects it from the shared queue. An event goes on the feed once it is in the
/// event log (the projection committed), so a dashboard that reloads its figures on an event sees them include it.
/// </summary>
public sealed class LiveFeedListener(LiveFeed feed, [FromKeyedServices(ReportingModule.ServiceName)] IDocumentStore store,
    TimeProvider clock) : IEventListener
{
    /// <summary>The events on the feeds: the ones the reporting service projects, and its own.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = typeof(ReportingEventHandler).GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Messaging.Inbox.IEventHandler<>))
        .Select(i => i.GetGenericArguments()[0])
        .Concat(typeof(IDomainEvent).Assembly.GetTypes().Where(t =>
            t.Namespace == typeof(Events.Reporting.ProgressReportSubmitted).Namespace && t.IsClass &&
                typeof(IDomainEvent).IsAssignableFrom(t)))
        .ToList();

    /// <summary>How long an event may wait for its projection before it is shown anyway (the projection may be failing).</summary>
    private static readonly TimeSpan MaxWaitForLog = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public async Task ListenAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var logId = LoggedEvent.IdFor(domainEvent.EventId, domainEvent.OccurredAt);
        var giveUpAt = clock.GetUtcNow() + MaxWaitForLog;
        while (await store.GetAsync(ReportingCollections.EventLog, domainEvent.NetworkId, logId, cancellationToken) is null &&
            clock.GetUtcNow() < giveUpAt)
        {
            await Task.Delay(PollInterval, clock, cancellationToken);
        }
        feed.Publish(domainEvent.NetworkId, EventLog.ToLogged(domainEvent));
    }
}
