using System.Text.Json;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// Every event of every service that the reporting service has seen or produced, each once, at a position of its network's
/// log: kept so any projection can be rebuilt from scratch and any consumer can replay the network's history.
/// </summary>
public static class EventLog
{
    /// <summary>The counter of positions: one stream of the service's aggregate_streams per network.</summary>
    private const string PositionStream = "EventLog";

    private const int BatchSize = 200;

    private static readonly IReadOnlyDictionary<string, Type> Documented =
        EventTypes.FindIn(typeof(IDomainEvent).Assembly).ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    /// <summary>Every documented event type's name (the catalogue's message names), what a replay can be filtered by.</summary>
    public static IReadOnlySet<string> Kinds { get; } = Documented.Values.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Applies the event to the read models and logs it at the network's next position; null (and nothing changes) when it
    /// was logged before. The position is taken last: the counter is held until the unit ends (so positions commit in order
    /// and a reader never sees a later one before an earlier), and a unit holding it then waits for nothing else.
    /// </summary>
    public static async Task<LoggedEvent?> RecordAsync(IUnitOfWork uow, IDomainEvent domainEvent, CancellationToken ct)
    {
        var logId = LoggedEvent.IdFor(domainEvent.EventId, domainEvent.OccurredAt);
        if (await uow.GetAsync(ReportingCollections.EventLog, domainEvent.NetworkId, logId, ct) is not null)
        {
            return null;
        }
        await ReportingProjection.ApplyAsync(domainEvent, uow, ct);
        var position = await uow.NextAggregateVersionAsync(domainEvent.NetworkId, PositionStream, ReportingModule.ServiceName, ct);
        var logged = ToLogged(domainEvent, position);
        await uow.InsertAsync(ReportingCollections.EventLog, domainEvent.NetworkId, logged, ct);
        return logged;
    }

    /// <summary>How many events the network's log holds: the last position, read from the position index.</summary>
    public static async Task<long> CountAsync(IDocumentStore store, string networkId, CancellationToken ct)
    {
        var last = ReportingCollections.EventLog.Query().OrderBy(e => e.Position, descending: true).Page(1);
        var page = await store.QueryAsync(ReportingCollections.EventLog, networkId, last, ct);
        return page.Items.Count == 0 ? 0 : page.Items[0].Document.Position;
    }

    /// <summary>
    /// Gives the events logged before the log numbered them (position 0, no network or aggregate type, the payload in the
    /// outbox's JSON) the network's next positions, in the order they happened, and the broker's body; returns how many.
    /// RebuildProjections runs it first, so one rebuild per network after the upgrade puts its older events in the replay.
    /// </summary>
    public static async Task<int> NumberOlderEventsAsync(IDocumentStore store, string networkId, CancellationToken ct)
    {
        var numbered = 0;
        string? token = null;
        do
        {
            var page = await store.QueryAsync(ReportingCollections.EventLog, networkId,
                ReportingCollections.EventLog.Query().Page(BatchSize, token), ct);
            var older = page.Items.Where(item => item.Document.Position == 0).ToList();
            if (older.Count > 0)
            {
                await using var uow = await store.BeginAsync(ct);
                foreach (var item in older)
                {
                    var type = Documented[item.Document.TypeName];
                    var domainEvent = (IDomainEvent)JsonSerializer.Deserialize(item.Document.PayloadJson, type,
                        UnitOfWorkEventExtensions.EventJson)!;
                    var position = await uow.NextAggregateVersionAsync(networkId, PositionStream, ReportingModule.ServiceName, ct);
                    await uow.ReplaceAsync(ReportingCollections.EventLog, networkId, ToLogged(domainEvent, position), item.Version, ct);
                }
                await uow.CommitAsync(ct);
                numbered += older.Count;
            }
            token = page.NextPageToken;
        }
        while (token is not null);
        return numbered;
    }

    public static IDomainEvent ToEvent(LoggedEvent logged, EventTypes eventTypes)
    {
        var type = eventTypes.Find(logged.TypeName)
            ?? throw new InvalidOperationException($"The event log holds {logged.TypeName}, which this build no longer knows; "
                + "restore the event type or map it to its successor.");
        return (IDomainEvent)JsonSerializer.Deserialize(logged.PayloadJson, type, WireFormat.EventBody)!;
    }

    private static LoggedEvent ToLogged(IDomainEvent domainEvent, long position)
    {
        var type = domainEvent.GetType();
        return new LoggedEvent(
            LoggedEvent.IdFor(domainEvent.EventId, domainEvent.OccurredAt), domainEvent.EventId, type.Name, type.FullName ?? type.Name,
            domainEvent.AggregateId, domainEvent.AggregateVersion, domainEvent.OccurredAt,
            JsonSerializer.Serialize(domainEvent, type, WireFormat.EventBody), position, domainEvent.NetworkId,
            AggregateAttribute.Of(type));
    }
}
