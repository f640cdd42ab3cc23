namespace NetworkPlatform.Storage;

public static class DocumentStoreExtensions
{
    /// <summary>
    /// Every document a query matches, page after page: for results bounded by the query itself (a range, one group's
    /// participants, one meeting's items), never for a list that grows with the network.
    /// </summary>
    public static async Task<List<T>> ReadAllAsync<T>(
        this IDocumentStore store, DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken = default)
        where T : class
    {
        const int PageSize = 500;
        var all = new List<T>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(collection, networkId, query.Page(PageSize, token), cancellationToken);
            all.AddRange(page.Items.Select(i => i.Document));
            token = page.NextPageToken;
        }
        while (token is not null);
        return all;
    }
}
