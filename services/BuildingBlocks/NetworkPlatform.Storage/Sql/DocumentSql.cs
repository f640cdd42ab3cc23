using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace NetworkPlatform.Storage.Sql;

/// <summary>How an adapter writes a field of the JSON body as an SQL expression, and a declared index over such expressions.</summary>
internal abstract class SqlDialect(JsonFields fields)
{
    public JsonFields Fields { get; } = fields;

    /// <summary>The field's value in the row's body; indexes and queries use the same text, so the database matches them.</summary>
    public abstract string Expression(JsonField field);

    /// <summary>The documents table, as a query served by the named declared index (null: the primary key) reads it.</summary>
    public virtual string Documents(string? indexName) => "documents";

    /// <summary>CREATE INDEX for one declared index: the network, the fields' expressions, the id; only the collection's rows.</summary>
    public string CreateIndex(IDocumentCollection collection, DocumentIndex index) =>
        $"CREATE INDEX IF NOT EXISTS {IndexName(collection, index)} ON documents (network_id, "
        + string.Concat(index.Fields.Select(f => Expression(Fields.Of(f)) + ", "))
        + $"id) WHERE collection = {Literal(collection.Name)}";

    /// <summary>
    /// dx_&lt;collection&gt;_&lt;index&gt;_&lt;hash of the definition&gt;: a changed definition is a new index, and the migration drops
    /// every dx_ index no collection declares any more.
    /// </summary>
    public string IndexName(IDocumentCollection collection, DocumentIndex index)
    {
        var definition = $"{collection.Name}|{string.Join('|', index.Fields.Select(f => Expression(Fields.Of(f))))}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definition)))[..8];
        var readable = new string($"{collection.Name}_{index.Name}".Select(c => char.IsAsciiLetterOrDigit(c)
            ? char.ToLowerInvariant(c) : '_').ToArray());
        return $"{DeclaredIndexPrefix}{readable[..Math.Min(readable.Length, 48)]}_{hash}";
    }

    public const string DeclaredIndexPrefix = "dx_";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>A query as SQL text with its parameters; the fourth column is the sort key of each row (for the next page's token).</summary>
internal sealed record SqlQuery(string Text, IReadOnlyList<KeyValuePair<string, object?>> Parameters, DocumentField? SortField,
    bool Descending, int PageSize);

/// <summary>The one SELECT both adapters run for a query, from its plan: equality, range, keyset, order, limit.</summary>
internal static class DocumentSql
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static SqlQuery Select<T>(SqlDialect dialect, DocumentCollection<T> collection, string networkId, DocumentQuery<T> query)
        where T : class
    {
        var plan = QueryPlan.For(collection, query);
        var pageSize = query.PageSize <= 0 ? DefaultPageSize : Math.Min(query.PageSize, MaxPageSize);
        var parameters = new List<KeyValuePair<string, object?>> { new("network", networkId) };
        string Parameter(object? value)
        {
            var name = $"p{parameters.Count}";
            parameters.Add(new(name, value));
            return "@" + name;
        }

        var where = new StringBuilder($"collection = {SqlDialect.Literal(collection.Name)} AND network_id = @network");
        foreach (var filter in plan.Indexed.Concat(plan.Residual))
        {
            var expression = dialect.Expression(dialect.Fields.Of(filter.Field));
            var value = dialect.Fields.Scalar(filter.Field, filter.Value);
            where.Append(value is null ? $" AND {expression} IS NULL" : $" AND {expression} = {Parameter(value)}");
        }

        var sort = plan.SortField is null ? null : dialect.Fields.Of(plan.SortField);
        var key = sort is null ? "NULL" : dialect.Expression(sort);
        var direction = query.Descending ? " DESC" : "";
        if (sort is not null)
        {
            where.Append($" AND {key} IS NOT NULL");
            if (query.Range is { } range)
            {
                if (dialect.Fields.Scalar(range.Field, range.From) is { } from)
                {
                    where.Append($" AND {key} >= {Parameter(from)}");
                }
                if (dialect.Fields.Scalar(range.Field, range.Until) is { } until)
                {
                    where.Append($" AND {key} < {Parameter(until)}");
                }
            }
        }
        var comparison = query.Descending ? "<" : ">";
        if (PageToken.Decode(query.PageToken, plan.SortField, query.Descending, sort?.Kind) is var (afterKey, afterId))
        {
            // After (key, id). Spelled out rather than as a row value: SQLite seeks an index on an expression with a plain
            // comparison of it, but scans from the start for a row value; PostgreSQL seeks with either.
            var keyParameter = sort is null ? "" : Parameter(afterKey);
            where.Append(sort is null
                ? $" AND id {comparison} {Parameter(afterId)}"
                : $" AND {key} {comparison}= {keyParameter} AND ({key} {comparison} {keyParameter} OR id {comparison} "
                    + $"{Parameter(afterId)})");
        }
        var order = sort is null ? $"id{direction}" : $"{key}{direction}, id{direction}";
        var table = dialect.Documents(plan.Index is null ? null : dialect.IndexName(collection, plan.Index));
        var text = $"SELECT id, version, body, {key} FROM {table} WHERE {where} ORDER BY {order} LIMIT {Parameter(pageSize + 1)}";
        return new SqlQuery(text, parameters, plan.SortField, query.Descending, pageSize);
    }

    /// <summary>The rows of a <see cref="Select{T}"/> (id, version, body, sort key) as a page.</summary>
    public static async Task<Page<T>> ReadPageAsync<T>(DbDataReader reader, SqlQuery query, Func<string, T> deserialize,
        CancellationToken cancellationToken)
    {
        var rows = new List<(Versioned<T>, string, object?)>(query.PageSize + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.IsDBNull(3) ? null : reader.GetValue(3);
            rows.Add((new Versioned<T>(deserialize(reader.GetString(2)), reader.GetInt64(1)), reader.GetString(0), key));
        }
        return ToPage(query, rows);
    }

    /// <summary>Rows of (version, body) as documents.</summary>
    public static async Task<IReadOnlyList<Versioned<T>>> ReadDocumentsAsync<T>(DbDataReader reader, Func<string, T> deserialize,
        CancellationToken cancellationToken)
    {
        var found = new List<Versioned<T>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new Versioned<T>(deserialize(reader.GetString(1)), reader.GetInt64(0)));
        }
        return found;
    }

    /// <summary>The page of rows read (at most one more than its size: then there is a next page, after the last one kept).</summary>
    private static Page<T> ToPage<T>(SqlQuery query, List<(Versioned<T> Item, string Id, object? Key)> rows)
    {
        string TokenAfter(int index) => PageToken.Encode(query.SortField, query.Descending, rows[index].Key, rows[index].Id);
        return rows.Count <= query.PageSize
            ? new Page<T>([.. rows.Select(r => r.Item)], null) { TokenAfterItem = TokenAfter }
            : new Page<T>([.. rows.Take(query.PageSize).Select(r => r.Item)],
                TokenAfter(query.PageSize - 1)) { TokenAfterItem = TokenAfter };
    }

    public static string IdOf<T>(DocumentCollection<T> collection, T document)
        where T : class
    {
        var id = collection.Id(document);
        return string.IsNullOrEmpty(id)
            ? throw new ArgumentException($"A {collection.Name} document needs a non-empty id before it is stored.", nameof(document))
            : id;
    }
}
