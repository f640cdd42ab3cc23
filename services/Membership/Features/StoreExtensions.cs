using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features;

/// <summary>Loading documents the way every use case needs them: NOT_FOUND when absent, etag checked before a change.</summary>
public static class StoreExtensions
{
    public static async Task<Versioned<T>> RequireAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, string networkId, string id, CancellationToken cancellationToken)
        where T : class =>
        await store.GetAsync(collection, networkId, id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(collection, networkId, id);

    public static async Task<Versioned<T>> RequireAsync<T>(this IUnitOfWork unitOfWork, DocumentCollection<T> collection, string networkId, string id, CancellationToken cancellationToken)
        where T : class =>
        await unitOfWork.GetAsync(collection, networkId, id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(collection, networkId, id);

    /// <summary>The version a change must replace: the caller's etag when sent (ABORTED when stale), else the one just read.</summary>
    public static long ExpectedVersion<T>(this Versioned<T> current, DocumentCollection<T> collection, string etag) where T : class
    {
        if (etag.Length > 0 && etag != current.ETag)
        {
            throw new ConcurrencyConflictException(collection.Name, collection.Id(current.Document), current.Version);
        }
        return current.Version;
    }

    /// <summary>
    /// Creates at most once per id: with a request_id the id is derived from it, so a retry finds the first result
    /// (before, or — when two retries race — after the store refused the duplicate) and returns it.
    /// </summary>
    public static async Task<Versioned<T>> CreateOnceAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, string networkId, string id,
        Func<Task<Versioned<T>>> create, CancellationToken cancellationToken) where T : class
    {
        if (await store.GetAsync(collection, networkId, id, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }
        try
        {
            return await create().ConfigureAwait(false);
        }
        catch (DuplicateDocumentException duplicate) when (duplicate.Collection == collection.Name && duplicate.Id == id)
        {
            return await store.RequireAsync(collection, networkId, id, cancellationToken).ConfigureAwait(false);
        }
    }

    private static RpcException NotFound<T>(DocumentCollection<T> collection, string networkId, string id) where T : class =>
        RpcErrors.NotFound(ResourceType(collection.Name), collection.Name == "networks" ? $"networks/{id}" : $"networks/{networkId}/{collection.Name}/{id}");

    /// <summary>The proto message name of a collection's documents, for error details.</summary>
    public static string ResourceType(string collectionName) => collectionName switch
    {
        "networks" => "networkplatform.membership.v1.Network",
        "organisations" => "networkplatform.membership.v1.Organisation",
        "persons" => "networkplatform.membership.v1.Person",
        "representatives" => "networkplatform.membership.v1.Representative",
        "participation_requests" or "participation_request_links" => "networkplatform.membership.v1.ParticipationRequest",
        _ => collectionName,
    };
}
