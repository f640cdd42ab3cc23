namespace NetworkPlatform.Storage.Sql;

/// <summary>
/// Which declared index serves a query: the one whose leading fields take the most equality filters, followed by the
/// sort field (or by nothing, when the page is ordered by id). Equality filters the index does not hold are residual:
/// checked on the rows it yields.
/// </summary>
internal sealed record QueryPlan(DocumentIndex? Index, IReadOnlyList<FieldEquals> Indexed, IReadOnlyList<FieldEquals> Residual,
    DocumentField? SortField)
{
    public static QueryPlan For<T>(DocumentCollection<T> collection, DocumentQuery<T> query)
        where T : class
    {
        var sort = query.SortField;
        if (query is { Range: { } range, OrderField: { } order } && !range.Field.Equals(order))
        {
            throw new ArgumentException($"{collection.Name}: a range on {range.Field} pages in that field's order; order by it, not by "
                + $"{order}.", nameof(query));
        }
        var filters = query.Filters.DistinctBy(f => f.Field).ToList();
        if (filters.Count != query.Filters.Count)
        {
            throw new ArgumentException($"{collection.Name}: filter each field once.", nameof(query));
        }
        if (sort is null && filters.Count == 0)
        {
            return new QueryPlan(null, [], [], null); // The primary key: (collection, network, id).
        }

        QueryPlan? best = null;
        foreach (var index in collection.Indexes)
        {
            var prefix = index.Fields.TakeWhile(f => filters.Any(q => q.Field.Equals(f))).Count();
            var serves = sort is null ? prefix == index.Fields.Count && prefix > 0 : prefix < index.Fields.Count
                && index.Fields[prefix].Equals(sort);
            if (serves && (best is null || prefix > best.Indexed.Count))
            {
                var indexed = index.Fields.Take(prefix).Select(f => filters.First(q => q.Field.Equals(f))).ToList();
                best = new QueryPlan(index, indexed, [.. filters.Except(indexed)], sort);
            }
        }
        return best ?? throw new ArgumentException(
            $"No index of {collection.Name} serves a query on {Describe(filters, sort)}: declare one whose leading fields are "
            + $"equality filters{(sort is null ? "" : $", followed by {sort}")}. Declared: {string.Join("; ", collection.Indexes)}.",
            nameof(query));
    }

    private static string Describe(List<FieldEquals> filters, DocumentField? sort) =>
        string.Join(", ", filters.Select(f => f.Field.Path)) + (sort is null ? " ordered by id" : $" ordered by {sort}");
}
