namespace NetworkPlatform.Storage;

/// <summary>
/// The storage port of one service's database: aggregates stored as JSON documents, scoped by network (tenant).
/// Reads outside a transaction go here; every write goes through a <see cref="IUnitOfWork"/> so that the change,
/// its outgoing events (outbox) and the handled incoming message ids (inbox) commit together.
/// </summary>
public interface IDocumentStore
{
    Task<Versioned<T>?> GetAsync<T>(DocumentCollection<T> collection, string networkId, string id,
        CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>The documents of these ids that exist (in no particular order): one round trip instead of one per id.</summary>
    Task<IReadOnlyList<Versioned<T>>> GetManyAsync<T>(DocumentCollection<T> collection, string networkId, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>
    /// One keyset page of the network's documents matching <paramref name="query"/>, served by one of the collection's
    /// declared indexes (see <see cref="DocumentQuery{T}"/>). Throws <see cref="InvalidPageTokenException"/> for a token it
    /// did not issue for this order, and ArgumentException for a query no declared index serves.
    /// </summary>
    Task<Page<T>> QueryAsync<T>(DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken = default)
        where T : class;

    Task<IUnitOfWork> BeginAsync(CancellationToken cancellationToken = default);
}

/// <summary>One database transaction. Dispose without <see cref="CommitAsync"/> rolls back.</summary>
public interface IUnitOfWork : IAsyncDisposable
{
    Task<Versioned<T>?> GetAsync<T>(DocumentCollection<T> collection, string networkId, string id,
        CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>
    /// Reads a document this unit is about to change and holds it until the unit ends: a concurrent unit reading the same
    /// document this way waits, so racing writers queue instead of failing on the version (PostgreSQL: a row lock;
    /// SQLite: the unit already holds the database's write lock).
    /// </summary>
    Task<Versioned<T>?> GetForUpdateAsync<T>(DocumentCollection<T> collection, string networkId, string id,
        CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>A query as <see cref="IDocumentStore.QueryAsync{T}"/> answers it, seeing this unit's own writes.</summary>
    Task<Page<T>> QueryAsync<T>(DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Stores a new document at version 1. Throws <see cref="DuplicateDocumentException"/> when the id is taken.</summary>
    Task<long> InsertAsync<T>(DocumentCollection<T> collection, string networkId, T document, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>
    /// Replaces a document if it is still at <paramref name="expectedVersion"/>; returns the new version.
    /// Throws <see cref="ConcurrencyConflictException"/> (with the current version) when someone else changed it,
    /// <see cref="DocumentNotFoundException"/> when it is gone.
    /// </summary>
    Task<long> ReplaceAsync<T>(DocumentCollection<T> collection, string networkId, T document, long expectedVersion,
        CancellationToken cancellationToken = default)
        where T : class;

    Task DeleteAsync<T>(DocumentCollection<T> collection, string networkId, string id, long expectedVersion,
        CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>
    /// The next version of an aggregate's event stream (1 for its first event), counted in this unit: consecutive for the
    /// events one unit writes, and the stream stays held until the unit ends, so units writing one stream queue and
    /// commit in version order. A rollback gives the versions back. One counter per network, aggregate type and id.
    /// </summary>
    Task<long> NextAggregateVersionAsync(string networkId, string aggregateType, string aggregateId,
        CancellationToken cancellationToken = default);

    /// <summary>Adds an outgoing message to the outbox, committed with this transaction.</summary>
    Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces every occurrence of <paramref name="values"/> (as they appear in the JSON payloads) by
    /// <paramref name="replacement"/> in the outbox messages of the network, sent or not: a person's erasure leaves no
    /// copy of their data in the outbox. The messages of this unit itself are not yet there. Returns the rows changed.
    /// </summary>
    Task<int> ScrubOutboxAsync(string networkId, IReadOnlyCollection<string> values, string replacement,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Inbox: records that <paramref name="consumer"/> handled <paramref name="messageIds"/>; returns those it had not
    /// handled before (each once, however often it is listed). A concurrent unit marking the same id makes this one
    /// wait for it: exactly one of them gets the id back.
    /// </summary>
    Task<IReadOnlySet<Guid>> MarkHandledAsync(string consumer, IReadOnlyCollection<Guid> messageIds,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Inbox, optimistic: records at commit, with the rest of the unit, that <paramref name="consumer"/> handled
    /// <paramref name="messageIds"/>. When any of them was handled before, <see cref="CommitAsync"/> throws
    /// <see cref="MessageAlreadyHandledException"/> and keeps nothing of the unit. It saves the round trip of
    /// <see cref="MarkHandledAsync"/> when redeliveries are rare, for handlers whose effects all stay in this unit.
    /// </summary>
    Task MarkHandledAtCommitAsync(string consumer, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);
}

/// <summary>The relay's view of the outbox: pending messages in commit order, marked sent once the broker confirmed them.</summary>
public interface IOutbox
{
    Task<IReadOnlyList<PendingOutboxMessage>> ReadPendingAsync(int maxCount, CancellationToken cancellationToken = default);

    Task MarkSentAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default);

    /// <summary>How many messages wait to be sent and for how long the oldest has waited (the backlog metrics).</summary>
    Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes messages marked sent before <paramref name="sentBefore"/> (the relay calls it now and then); returns how many.
    /// </summary>
    Task<int> PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes the next time a unit of work commits messages to this outbox: in this process, and on PostgreSQL in
    /// any process while this process holds the relay lock. Take it before reading the outbox, so that a commit in
    /// between is not missed.
    /// </summary>
    Task NextCommit { get; }

    /// <summary>
    /// Only the holder of this lock relays, so several replicas of one service publish in commit order without
    /// racing each other. Null when another relay holds it (try again later). The lock ends when the handle is
    /// disposed or when the holding process dies; see <see cref="IRelayLock.Lost"/> for a lock that breaks under it.
    /// </summary>
    Task<IRelayLock?> TryAcquireRelayLockAsync(CancellationToken cancellationToken = default);
}

/// <summary>The outbox relay lock, held until disposed.</summary>
public interface IRelayLock : IAsyncDisposable
{
    /// <summary>
    /// Cancelled when the lock was lost without being disposed (PostgreSQL: its connection broke or its backend was
    /// terminated, so another relay may hold it now). The holder must stop publishing at once and take the lock afresh.
    /// </summary>
    CancellationToken Lost { get; }
}
