using System.Globalization;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Storage;

/// <summary>Reads that every feature needs: one resource or NOT_FOUND, and the version a write expects.</summary>
public static class StoreReads
{
    public static async Task<Versioned<T>> LoadAsync<T>(this IUnitOfWork unitOfWork, DocumentCollection<T> collection, string networkId, string id, CancellationToken cancellationToken)
        where T : class =>
        await unitOfWork.GetAsync(collection, networkId, id, cancellationToken) ?? throw new ResourceNotFoundException(ResourceType(collection), id);

    public static async Task<Versioned<T>> LoadAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, string networkId, string id, CancellationToken cancellationToken)
        where T : class =>
        await store.GetAsync(collection, networkId, id, cancellationToken) ?? throw new ResourceNotFoundException(ResourceType(collection), id);

    /// <summary>The version a write expects: the caller's etag when sent (must be current), else the version just read.</summary>
    public static long ExpectedVersion<T>(this Versioned<T> current, string etag, string subject)
        where T : class
    {
        if (string.IsNullOrEmpty(etag))
        {
            return current.Version;
        }
        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidFieldsException("etag", $"'{etag}' is not an etag of this service; send the etag from the last read, or none.");
        }
        return version == current.Version ? version : throw new StaleEtagException(subject, current.ETag);
    }

    private static string ResourceType<T>(DocumentCollection<T> collection)
        where T : class => collection.Name switch
        {
            "groups" => "Group",
            "measures" => "Measure",
            "annual-wheels" => "Annual wheel",
            _ => collection.Name,
        };
}
