namespace NetworkPlatform.Storage;

public static class DocumentStoreExtensions
{
    /// <summary>
    /// Every document a query matches, page after page: for results bounded by the query itself (a range, one group's
    /// participants, one meeting's items), never for a list that grows with the network.
    /// </summary>
    public static Task<List<T>> ReadAllAsync<T>(
        this IDocumentStore store, DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken = default)
        where T : class =>
        CollectAsync(token => store.QueryAsync(collection, networkId, query.Page(PageSize, token), cancellationToken));

    /// <summary>As <see cref="ReadAllAsync{T}(IDocumentStore, DocumentCollection{T}, string, DocumentQuery{T}, CancellationToken)"/>,
    /// seeing the unit's own writes.</summary>
    public static Task<List<T>> ReadAllAsync<T>(
        this IUnitOfWork unit, DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken = default)
        where T : class =>
        CollectAsync(token => unit.QueryAsync(collection, networkId, query.Page(PageSize, token), cancellationToken));

    private const int PageSize = 500;

    private static async Task<List<T>> CollectAsync<T>(Func<string?, Task<Page<T>>> readPage)
        where T : class
    {
        var all = new List<T>();
        string? token = null;
        do
        {
            var page = await readPage(token);
            all.AddRange(page.Items.Select(i => i.Document));
            token = page.NextPageToken;
        }
        while (token is not null);
        return all;
    }
}
