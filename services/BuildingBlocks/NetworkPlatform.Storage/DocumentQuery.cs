using System.Linq.Expressions;

namespace NetworkPlatform.Storage;

/// <summary>
/// What a query asks of one network's documents in a collection, the subset of a document database's query model the
/// services use: equality on fields, a half-open range [from, until) on one field, and the order of the page (one field
/// ascending or descending, then the id; by id alone when no field is given). Pages are keyset pages: the token holds the
/// last key of the page, so an insert never shifts later pages.
/// <para>
/// The store serves a query from a declared index: its leading fields take equality filters, the next one is the field
/// ordered by. Equality filters on fields the index does not hold are checked on the rows it yields (cheap only when
/// most of them match: declare an index for a selective filter). A query no index serves is refused.
/// </para>
/// </summary>
public sealed record DocumentQuery<T>
    where T : class
{
    public IReadOnlyList<FieldEquals> Filters { get; init; } = [];

    public FieldRange? Range { get; init; }

    /// <summary>The field pages are ordered by (then by id); null orders by the range's field, or by id alone.</summary>
    public DocumentField? OrderField { get; init; }

    public bool Descending { get; init; }

    public int PageSize { get; init; } = 50;

    public string? PageToken { get; init; }

    /// <summary>The field pages are ordered by: the order's, else the range's, else none (by id).</summary>
    public DocumentField? SortField => OrderField ?? Range?.Field;

    /// <summary>Documents whose <paramref name="field"/> equals <paramref name="value"/> (null: has none).</summary>
    public DocumentQuery<T> Where<TValue>(Expression<Func<T, TValue>> field, TValue value) =>
        this with { Filters = [.. Filters, new FieldEquals(DocumentField.Of(field), value)] };

    /// <summary>
    /// Documents whose <paramref name="field"/> is at or after <paramref name="from"/> and before <paramref name="until"/> (either may be
    /// null).
    /// </summary>
    public DocumentQuery<T> Between<TValue>(Expression<Func<T, TValue>> field, TValue? from, TValue? until)
        where TValue : struct =>
        this with { Range = new FieldRange(DocumentField.Of(field), from, until) };

    /// <summary>Pages ordered by <paramref name="field"/>, then by id (both descending when asked).</summary>
    public DocumentQuery<T> OrderBy<TValue>(Expression<Func<T, TValue>> field, bool descending = false) =>
        this with { OrderField = DocumentField.Of(field), Descending = descending };

    public DocumentQuery<T> Page(int pageSize, string? pageToken = null) =>
        this with { PageSize = pageSize, PageToken = string.IsNullOrEmpty(pageToken) ? null : pageToken };
}

public sealed record FieldEquals(DocumentField Field, object? Value);

/// <summary>[From, Until): null leaves that end open.</summary>
public sealed record FieldRange(DocumentField Field, object? From, object? Until);
