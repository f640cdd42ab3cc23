using System.Text.Json;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>Every event the reporting service has seen or produced, kept so any projection can be rebuilt from scratch.</summary>
public static class EventLog
{
    /// <summary>Logs the event and applies it to the read models; false (and nothing changes) when it was logged before.</summary>
    public static async Task<bool> RecordAsync(IUnitOfWork uow, IDomainEvent domainEvent, CancellationToken ct)
    {
        var logId = LoggedEvent.IdFor(domainEvent.EventId, domainEvent.OccurredAt);
        if (await uow.GetAsync(ReportingCollections.EventLog, domainEvent.NetworkId, logId, ct) is not null)
        {
            return false;
        }
        await uow.InsertAsync(ReportingCollections.EventLog, domainEvent.NetworkId, ToLogged(domainEvent), ct);
        await CountAsync(uow, domainEvent.NetworkId, ct);
        await ReportingProjection.ApplyAsync(domainEvent, uow, ct);
        return true;
    }

    /// <summary>How many events the network's log holds (the counter kept with every append), without reading the log.</summary>
    public static async Task<long> CountAsync(IDocumentStore store, string networkId, CancellationToken ct) =>
        (await store.QueryAsync(ReportingCollections.EventCounts, networkId,
            ReportingCollections.EventCounts.Query().Page(EventCount.Shards), ct)).Items.Sum(s => s.Document.Events);

    /// <summary>
    /// One more event in the log, on a shard of the counter picked at random. Two transactions appending at once may
    /// still meet on one shard: the loser rolls back whole and runs again (the bus retries a consumer, Writes a use case).
    /// </summary>
    private static async Task CountAsync(IUnitOfWork uow, string networkId, CancellationToken ct)
    {
        var shardId = EventCount.ShardId(Random.Shared.Next(EventCount.Shards));
        var shard = await uow.GetAsync(ReportingCollections.EventCounts, networkId, shardId, ct);
        if (shard is null)
        {
            await uow.InsertAsync(ReportingCollections.EventCounts, networkId, new EventCount(shardId, 1), ct);
        }
        else
        {
            await uow.ReplaceAsync(ReportingCollections.EventCounts, networkId, shard.Document with { Events = shard.Document.Events + 1 },
                shard.Version, ct);
        }
    }

    public static LoggedEvent ToLogged(IDomainEvent domainEvent)
    {
        var type = domainEvent.GetType();
        return new LoggedEvent(
            LoggedEvent.IdFor(domainEvent.EventId, domainEvent.OccurredAt), domainEvent.EventId, type.Name, type.FullName ?? type.Name,
            domainEvent.AggregateId, domainEvent.AggregateVersion, domainEvent.OccurredAt,
            JsonSerializer.Serialize(domainEvent, type, UnitOfWorkEventExtensions.EventJson));
    }
}
