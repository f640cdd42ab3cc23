namespace NetworkPlatform.Storage;

/// <summary>A stored document and its version; the version is the API's etag.</summary>
public sealed record Versioned<T>(T Document, long Version)
{
    public string ETag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the migration needs of a collection: its name and the indexes its queries use.</summary>
public interface IDocumentCollection
{
    string Name { get; }

    IReadOnlyList<DocumentIndex> Indexes { get; }
}

/// <summary>
/// A named set of documents of one type, with the indexes its queries use. Declare one index per access path: the
/// fields filtered by equality first, then the field a page is ordered (and ranged) by; see <see cref="DocumentQuery{T}"/>.
/// </summary>
public sealed class DocumentCollection<T>(string name, Func<T, string> id,
    IReadOnlyList<DocumentIndex>? indexes = null) : IDocumentCollection
    where T : class
{
    public string Name { get; } = name;

    public Func<T, string> Id { get; } = id;

    public IReadOnlyList<DocumentIndex> Indexes { get; } = indexes ?? [];

    /// <summary>
    /// This collection with one more index over <paramref name="fields"/>, in that order (the document id is the last key).
    /// </summary>
    public DocumentCollection<T> WithIndex(string indexName, params System.Linq.Expressions.Expression<Func<T, object?>>[] fields) =>
        Indexes.Any(i => i.Name == indexName)
            ? throw new ArgumentException($"{Name} already has an index named '{indexName}'.", nameof(indexName))
            : new(Name, Id, [.. Indexes, new DocumentIndex(indexName, [.. fields.Select(DocumentField.Of)])]);

    /// <summary>A query over this collection, to refine with Where, range, OrderBy and Page.</summary>
    public DocumentQuery<T> Query() => new();
}

/// <summary>A declared index: a name unique in its collection and its key fields, in order.</summary>
public sealed record DocumentIndex(string Name, IReadOnlyList<DocumentField> Fields)
{
    public override string ToString() => $"{Name} ({string.Join(", ", Fields.Select(f => f.Path))})";
}

public sealed record Page<T>(IReadOnlyList<Versioned<T>> Items, string? NextPageToken)
{
    internal Func<int, string>? TokenAfterItem { get; init; }

    /// <summary>
    /// The token that continues after <c>Items[index]</c>, for a caller that stops part way through the page (e.g. one
    /// that filters the page further and has enough).
    /// </summary>
    public string TokenAfter(int index) =>
        TokenAfterItem is { } tokenAfter && index >= 0 && index < Items.Count
            ? tokenAfter(index)
            : throw new ArgumentOutOfRangeException(
                nameof(index), $"This page has {Items.Count} documents, and tokens only for those the store read.");
}

/// <summary>An event on its way out, stored in the same transaction as the change that caused it.</summary>
public sealed record OutboxMessage(
    Guid MessageId,
    string MessageType,
    string NetworkId,
    string AggregateId,
    long AggregateVersion,
    DateTimeOffset OccurredAt,
    string Payload,
    string? TraceParent);

public sealed record PendingOutboxMessage(long Sequence, OutboxMessage Message);

/// <summary>The messages not sent yet, and how long the oldest of them has waited (by the database's clock) when asked.</summary>
public sealed record OutboxBacklog(long Pending, TimeSpan OldestAge);

/// <summary>
/// Someone else changed the document first (a stale expected version), or, on PostgreSQL, the unit lost a deadlock or a
/// serialization failure to a concurrent one (<paramref name="innerException"/>): the unit rolled back; run it again.
/// </summary>
public sealed class ConcurrencyConflictException(string collection, string id, long currentVersion, Exception? innerException = null)
    : Exception($"{collection}/{id} is at version {currentVersion}, not the expected one.", innerException)
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;

    public long CurrentVersion { get; } = currentVersion;
}

public sealed class DuplicateDocumentException(string collection, string id)
    : Exception($"{collection}/{id} already exists.")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;
}

public sealed class DocumentNotFoundException(string collection, string id)
    : Exception($"{collection}/{id} does not exist.")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;
}

/// <summary>
/// The database cannot serve the call now for a reason that passes: every connection of this process's pool is busy,
/// the server refuses more connections, or it is unreachable, restarting or lost the connection. Retry with backoff. A
/// unit of work that throws it rolled back, except that a failure during <see cref="IUnitOfWork.CommitAsync"/> may
/// leave it unknown whether the commit landed (retries must be idempotent). The inner exception has the driver's detail.
/// </summary>
public sealed class StorageUnavailableException(string reason, string message, Exception innerException)
    : Exception(message, innerException)
{
    /// <summary>Every connection of this process's pool stayed busy for the whole wait (Storage__MaxPoolSize, ConnectionTimeout).</summary>
    public const string PoolExhausted = "DATABASE_POOL_EXHAUSTED";

    /// <summary>The server refuses more connections (PostgreSQL 53300: max_connections or the role's limit).</summary>
    public const string ConnectionLimit = "DATABASE_CONNECTION_LIMIT";

    /// <summary>SQLite: another writer held the database for the whole wait.</summary>
    public const string Busy = "DATABASE_BUSY";

    /// <summary>The server cannot be reached, is shutting down or starting, or dropped the connection.</summary>
    public const string Unreachable = "DATABASE_UNREACHABLE";

    /// <summary>A stable UPPER_SNAKE code (one of the constants above), for callers and the API's ErrorInfo.</summary>
    public string Reason { get; } = reason;
}

/// <summary>
/// A unit's commit found a message of <see cref="IUnitOfWork.MarkHandledAtCommitAsync"/> handled before: it was rolled back.
/// </summary>
public sealed class MessageAlreadyHandledException(string detail, Exception innerException)
    : Exception($"A message of the unit was handled before ({detail}); the unit was rolled back: mark its messages with "
        + "MarkHandledAsync first to learn which.", innerException);

/// <summary>A page token this store did not issue for this query (or one that was tampered with, or one of an older version).</summary>
public sealed class InvalidPageTokenException(string pageToken)
    : ArgumentException($"The page token '{pageToken}' is not valid for this query: pass back the next_page_token of the previous page "
        + $"unchanged, with the same filters and order, or omit it to start from the first page.")
{
    public string PageToken { get; } = pageToken;
}
