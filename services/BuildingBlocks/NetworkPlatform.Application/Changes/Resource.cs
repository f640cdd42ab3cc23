using NetworkPlatform.Application.Failures;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Application.Changes;

/// <summary>
/// A collection as callers know it: the API type of its documents (e.g. "networkplatform.groups.v1.Group") and their
/// resource names ("networks/{network}/groups/{id}"), for NOT_FOUND, ABORTED and ALREADY_EXISTS details. An empty
/// <paramref name="PathSegment"/> names the networks (tenants) themselves: "networks/{id}".
/// </summary>
public sealed record Resource<T>(DocumentCollection<T> Collection, string ApiType, string PathSegment) where T : class
{
    public string NameOf(string networkId, string id) =>
        PathSegment.Length == 0 ? $"networks/{id}" : $"networks/{networkId}/{PathSegment}/{id}";

    public NotFoundException NotFound(string networkId, string id) => new(ApiType, NameOf(networkId, id));
}

/// <summary>Reads that answer NOT_FOUND for a missing document, in or outside a unit of work.</summary>
public static class ResourceReads
{
    public static async Task<Versioned<T>> RequireAsync<T>(this IDocumentStore store, Resource<T> resource, string networkId, string id,
        CancellationToken cancellationToken) where T : class =>
        await store.GetAsync(resource.Collection, networkId, id, cancellationToken).ConfigureAwait(false)
            ?? throw resource.NotFound(networkId, id);

    public static async Task<Versioned<T>> RequireAsync<T>(this IUnitOfWork unit, Resource<T> resource, string networkId, string id,
        CancellationToken cancellationToken) where T : class =>
        await unit.GetAsync(resource.Collection, networkId, id, cancellationToken).ConfigureAwait(false)
            ?? throw resource.NotFound(networkId, id);

    /// <summary>Reads a document to change it, holding it until the unit ends (racing writers queue); NOT_FOUND when missing.</summary>
    public static async Task<Versioned<T>> RequireForUpdateAsync<T>(this IUnitOfWork unit, Resource<T> resource, string networkId,
        string id,
        CancellationToken cancellationToken) where T : class =>
        await unit.GetForUpdateAsync(resource.Collection, networkId, id, cancellationToken).ConfigureAwait(false)
            ?? throw resource.NotFound(networkId, id);

    /// <summary>
    /// The version a change must replace: the caller's etag when sent (ABORTED with the current etag when stale), else
    /// the one just read.
    /// </summary>
    public static long ExpectedVersion<T>(this Versioned<T> current, Resource<T> resource, string networkId, string id, string? etag)
        where T : class =>
        string.IsNullOrEmpty(etag) || etag == current.ETag
            ? current.Version
            : throw new StaleEtagException($"{resource.ApiType} '{resource.NameOf(networkId, id)}'", current.ETag);
}
