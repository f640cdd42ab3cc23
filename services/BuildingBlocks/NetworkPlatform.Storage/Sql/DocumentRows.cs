using System.Text.Json;

namespace NetworkPlatform.Storage.Sql;

/// <summary>How both SQL adapters turn a document into rows: its id, its JSON body and its index entries.</summary>
internal static class DocumentRows
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static readonly JsonSerializerOptions DefaultJson = new(JsonSerializerDefaults.Web);

    public static string IdOf<T>(DocumentCollection<T> collection, T document)
        where T : class
    {
        var id = collection.Id(document);
        return string.IsNullOrEmpty(id)
            ? throw new ArgumentException($"A {collection.Name} document needs a non-empty id before it is stored.", nameof(document))
            : id;
    }

    /// <summary>Index entries as parallel arrays (names, values); null values are left out of the index.</summary>
    public static (string[] Names, string[] Values) IndexEntriesOf<T>(DocumentCollection<T> collection, T document)
        where T : class
    {
        if (collection.Indexes.Count == 0)
        {
            return ([], []);
        }
        var names = new List<string>(collection.Indexes.Count);
        var values = new List<string>(collection.Indexes.Count);
        foreach (var (name, valueOf) in collection.Indexes)
        {
            if (valueOf(document) is { } value)
            {
                names.Add(name);
                values.Add(value);
            }
        }
        return ([.. names], [.. values]);
    }

    public static int PageSizeOf(DocumentQuery query) =>
        query.PageSize <= 0 ? DefaultPageSize : Math.Min(query.PageSize, MaxPageSize);

    public static void EnsureIndexed<T>(DocumentCollection<T> collection, DocumentQuery query)
        where T : class
    {
        foreach (var filter in query.Filters)
        {
            if (!collection.Indexes.ContainsKey(filter.Index))
            {
                throw new ArgumentException(
                    $"{collection.Name} has no index '{filter.Index}'; filter on one of: {string.Join(", ", collection.Indexes.Keys)}.",
                    nameof(query));
            }
        }
    }

    /// <summary>
    /// The query over the index table: the first filter drives (its primary key is already in id order, so no sort),
    /// each further filter is one join. Parameters: @collection, @network, @after, @limit, @index0..n, @value0..n.
    /// </summary>
    public static string QuerySql(int filterCount)
    {
        if (filterCount == 0)
        {
            return """
                SELECT id, version, body FROM documents
                WHERE collection = @collection AND network_id = @network AND id > @after
                ORDER BY id LIMIT @limit
                """;
        }
        var joins = string.Concat(Enumerable.Range(1, filterCount - 1).Select(i => $"""

            JOIN document_index i{i} ON i{i}.collection = i0.collection AND i{i}.network_id = i0.network_id AND i{i}.id = i0.id
              AND i{i}.index_name = @index{i} AND i{i}.value = @value{i}
            """));
        return $"""
            SELECT d.id, d.version, d.body FROM document_index i0{joins}
            JOIN documents d ON d.collection = i0.collection AND d.network_id = i0.network_id AND d.id = i0.id
            WHERE i0.collection = @collection AND i0.network_id = @network AND i0.index_name = @index0 AND i0.value = @value0
              AND i0.id > @after
            ORDER BY i0.id LIMIT @limit
            """;
    }

    public static Page<T> ToPage<T>(List<Versioned<T>> rows, List<string> ids, int pageSize)
    {
        if (rows.Count <= pageSize)
        {
            return new Page<T>(rows, null);
        }
        rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, PageToken.Encode(ids[pageSize - 1]));
    }
}
