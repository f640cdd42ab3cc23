using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Application.Changes;

/// <summary>
/// A create's request_id, bound to who sent it and what it asked for: <paramref name="Operation"/> (e.g. "CreatePerson"),
/// the caller's subject, and a hash of the request. Two callers' equal request_ids are different keys; one caller
/// reusing a request_id for a different request is told so (ALREADY_EXISTS, reason REQUEST_ID_REUSED).
/// </summary>
public sealed record IdempotencyKey(string Operation, string CallerSubject, string RequestId, string ContentHash)
{
    /// <summary>The key of <paramref name="request"/> (a plain record; hashed as JSON), or null without a request_id.</summary>
    public static IdempotencyKey? For<TRequest>(string operation, Caller caller, string? requestId, TRequest request) =>
        string.IsNullOrEmpty(requestId)
            ? null
            : new(operation, caller.Subject, requestId, Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request))));

    /// <summary>The stored key's id: one per operation, caller and request_id.</summary>
    public string Id => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Operation}\n{CallerSubject}\n{RequestId}")))[..32];
}

/// <summary>What a request_id led to, kept <see cref="IdempotencyKeys.Lifetime"/> in the service's own database.</summary>
public sealed record IdempotencyRecord(string Id, string Operation, string RequestId, string ContentHash, string ResourceId,
    DateTimeOffset CreatedAt);

/// <summary>
/// The request_ids of a service's creates, in its own database. A retry within <see cref="Lifetime"/> gets the first
/// result; an older key counts as unused (clients retry within minutes; a day covers outages and queued jobs).
/// </summary>
public sealed class IdempotencyKeys(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static readonly DocumentCollection<IdempotencyRecord> Collection = new("idempotency_keys", r => r.Id);

    /// <summary>
    /// The id of what an earlier call with this key created, or null when the key is unused (or expired). The same
    /// key with other content is refused: ALREADY_EXISTS, reason REQUEST_ID_REUSED.
    /// </summary>
    public async Task<string?> EarlierResultAsync(IUnitOfWork unit, string networkId, IdempotencyKey key,
        CancellationToken cancellationToken)
    {
        var stored = await unit.GetAsync(Collection, networkId, key.Id, cancellationToken).ConfigureAwait(false);
        if (stored is null || IsExpired(stored.Document))
        {
            return null;
        }
        if (stored.Document.ContentHash != key.ContentHash)
        {
            throw new AlreadyExistsException("request_id", key.RequestId,
                $"request_id {key.RequestId} was used for a different {key.Operation} request; send a fresh UUID for a new request.",
                "REQUEST_ID_REUSED");
        }
        return stored.Document.ResourceId;
    }

    /// <summary>
    /// Keeps the key with what it created, in the creating unit of work. A live key found here means a concurrent twin
    /// of this request committed first: the unit fails as a lost race, and its rerun returns the twin's result.
    /// </summary>
    public async Task RememberAsync(IUnitOfWork unit, string networkId, IdempotencyKey key, string resourceId,
        CancellationToken cancellationToken)
    {
        var record = new IdempotencyRecord(key.Id, key.Operation, key.RequestId, key.ContentHash, resourceId, clock.GetUtcNow());
        switch (await unit.GetAsync(Collection, networkId, key.Id, cancellationToken).ConfigureAwait(false))
        {
            case null:
                await unit.InsertAsync(Collection, networkId, record, cancellationToken).ConfigureAwait(false);
                break;
            case { } stored when IsExpired(stored.Document):
                await unit.ReplaceAsync(Collection, networkId, record, stored.Version, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new DuplicateDocumentException(Collection.Name, key.Id);
        }
    }

    private bool IsExpired(IdempotencyRecord record) => clock.GetUtcNow() - record.CreatedAt > Lifetime;
}
