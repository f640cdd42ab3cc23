using NetworkPlatform.Application.Changes;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features;

/// <summary>
/// What the reporting use cases share: the service's own database, the one way to write to it, the clock, and this
/// replica's live feed.
/// </summary>
public sealed class ReportingContext(IDocumentStore store, TimeProvider clock, LiveFeed feed, Writes? joined = null)
{
    private readonly IdempotencyKeys keys = new(clock);

    private readonly Writes writes = joined ?? new(store, new IdempotencyKeys(clock));

    public IDocumentStore Store { get; } = store;

    public TimeProvider Clock { get; } = clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The same context writing in <paramref name="unit"/> (an event handler's delivery), which its owner commits.</summary>
    public ReportingContext Within(IUnitOfWork unit) => new(Store, Clock, feed, writes.Within(unit));

    /// <summary>
    /// Records what a reporting user entered as an event of this service, in one unit of work (<see cref="Writes.InUnitAsync"/>):
    /// logged and projected (so a rebuild keeps it; the projection changes the documents through their aggregates),
    /// published through the outbox, once per request_id; then shown on this replica's live feeds. <paramref name="decide"/>
    /// reads what it needs in the unit, checks the rules and returns the event with the id of what it made or changed;
    /// a retry of the request gets that id again without deciding anything.
    /// </summary>
    public async Task<string> RecordAsync(string networkId, IdempotencyKey? key,
        Func<IUnitOfWork, Task<(IDomainEvent Event, string ResultId)>> decide, CancellationToken ct)
    {
        LoggedEvent? recorded = null;
        var resultId = await writes.InUnitAsync(async unit =>
        {
            recorded = null;
            if (key is not null && await EarlierResultAsync(unit, networkId, key, ct) is { } earlier)
            {
                return earlier;
            }
            var (decided, id) = await decide(unit);
            var domainEvent = await unit.PublishAsync(decided, ct); // At its stream's version, as the log keeps it.
            var logged = await EventLog.RecordAsync(unit, domainEvent, ct);
            if (key is not null)
            {
                await keys.RememberAsync(unit, networkId, key, id, ct);
            }
            recorded = logged;
            return id;
        }, ct);
        if (recorded is not null)
        {
            feed.Publish(networkId, recorded);
        }
        return resultId;
    }

    /// <summary>
    /// The earlier result of a request_id: kept by <see cref="IdempotencyKeys"/>, or by the service's own scheme before it
    /// (a "requests" document per operation and request_id, bound to neither caller nor content), read so a retry sent
    /// across the upgrade still gets its first result.
    /// </summary>
    private async Task<string?> EarlierResultAsync(IUnitOfWork unit, string networkId, IdempotencyKey key, CancellationToken ct) =>
        await keys.EarlierResultAsync(unit, networkId, key, ct)
            ?? (await unit.GetAsync(ReportingCollections.Requests, networkId, CompletedRequest.IdFor(key.Operation, key.RequestId), ct))
                ?.Document.ResultId;
}
