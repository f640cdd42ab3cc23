using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Application.Changes;

/// <summary>
/// The one unit-of-work step every write of a service goes through: load, check the etag, let the aggregate change,
/// store with optimistic concurrency, put the events in the outbox, commit. Writers of one document queue on it (it is
/// read for update); a write that still loses a race (a document read without holding it, a uniqueness conflict) runs
/// again on the new state, a bounded number of times with jitter. So writes sent without an etag succeed under
/// contention unless a rule forbids them; a write with a stale etag gets ABORTED with the current one.
/// </summary>
public sealed class Writes(IDocumentStore store, IdempotencyKeys keys, IUnitOfWork? joined = null)
{
    /// <summary>How often a unit runs at most when it keeps losing races.</summary>
    public const int MaxAttempts = 8;

    public IDocumentStore Store => store;

    /// <summary>
    /// The same writes inside <paramref name="unit"/>, which its owner commits (and reruns when it loses a race): an event
    /// handler's unit, so what a use case changes commits with the inbox's record of the event, or not at all.
    /// </summary>
    public Writes Within(IUnitOfWork unit) => new(store, keys, unit);

    /// <summary>Changes one document through its aggregate; no change (the same instance back) writes nothing.</summary>
    public Task<Versioned<T>> ChangeAsync<T>(Resource<T> resource, string networkId, string id, string? etag, Func<T, Change<T>> change,
        CancellationToken cancellationToken) where T : class =>
        InUnitAsync(async unit =>
        {
            var current = await unit.RequireForUpdateAsync(resource, networkId, id, cancellationToken).ConfigureAwait(false);
            var expected = current.ExpectedVersion(resource, networkId, id, etag);
            var changed = change(current.Document);
            if (ReferenceEquals(changed.Document, current.Document))
            {
                return current;
            }
            return await unit.ReplaceAsync(resource, networkId, changed, expected, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Creates a document once per request_id: the first call's result is kept under a key bound to the caller and the
    /// request's content (<see cref="IdempotencyKey"/>), so every retry of it, at any concurrency, gets the same resource.
    /// Without a key every call creates.
    /// </summary>
    public async Task<Versioned<T>> CreateAsync<T>(Resource<T> resource, string networkId, IdempotencyKey? key,
        Func<IUnitOfWork, Task<Change<T>>> create, CancellationToken cancellationToken) where T : class
    {
        return await InUnitAsync(async unit =>
        {
            // Read in the unit: when a concurrent twin of this request wins the race, the rerun finds its result here.
            if (key is not null
                && await keys.EarlierResultAsync(unit, networkId, key, cancellationToken).ConfigureAwait(false) is { } earlierId)
            {
                return await unit.RequireAsync(resource, networkId, earlierId, cancellationToken).ConfigureAwait(false);
            }
            var change = await create(unit).ConfigureAwait(false);
            var created = await unit.InsertAsync(resource, networkId, change, cancellationToken).ConfigureAwait(false);
            if (key is not null)
            {
                var createdId = resource.Collection.Id(created.Document);
                await keys.RememberAsync(unit, networkId, key, createdId, cancellationToken).ConfigureAwait(false);
            }
            return created;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one unit of work and commits it. A concurrent change (a version or uniqueness
    /// conflict, a serialization failure) rolls it back and runs it again; after <see cref="MaxAttempts"/> the conflict
    /// is answered (ABORTED).
    /// </summary>
    public async Task<TResult> InUnitAsync<TResult>(Func<IUnitOfWork, Task<TResult>> work, CancellationToken cancellationToken)
    {
        if (joined is not null)
        {
            return await work(joined).ConfigureAwait(false);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
                var result = await work(unit).ConfigureAwait(false);
                await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (Exception e) when (IsLostRace(e) && attempt < MaxAttempts)
            {
                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsLostRace(Exception e) => e is ConcurrencyConflictException or DuplicateDocumentException;

    /// <summary>Exponential from 2 ms, capped at 200 ms, with full jitter so racing writers spread out.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(200, 2 << attempt));
}

/// <summary>Storing a changed or new document with its events, inside a unit of work.</summary>
public static class UnitOfWorkChanges
{
    public static async Task<Versioned<T>> ReplaceAsync<T>(this IUnitOfWork unit, Resource<T> resource, string networkId, Change<T> change,
        long expectedVersion, CancellationToken cancellationToken) where T : class
    {
        var version = await unit.ReplaceAsync(resource.Collection, networkId, change.Document, expectedVersion, cancellationToken)
            .ConfigureAwait(false);
        await PublishAsync(unit, change, version, cancellationToken).ConfigureAwait(false);
        return new Versioned<T>(change.Document, version);
    }

    public static async Task<Versioned<T>> InsertAsync<T>(this IUnitOfWork unit, Resource<T> resource, string networkId, Change<T> change,
        CancellationToken cancellationToken) where T : class
    {
        var version = await unit.InsertAsync(resource.Collection, networkId, change.Document, cancellationToken).ConfigureAwait(false);
        await PublishAsync(unit, change, version, cancellationToken).ConfigureAwait(false);
        return new Versioned<T>(change.Document, version);
    }

    private static async Task PublishAsync<T>(IUnitOfWork unit, Change<T> change, long version, CancellationToken cancellationToken)
        where T : class
    {
        foreach (var domainEvent in change.Events(version))
        {
            await unit.PublishAsync(domainEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
