using System.Buffers.Text;
using System.Text.Json;

namespace NetworkPlatform.Storage.Sql;

/// <summary>
/// Keyset paging: the token holds the sort key and the id of the last document of the previous page, and the order it
/// was issued for, so inserts never shift later pages and a token is refused by a query in another order.
/// </summary>
internal static class PageToken
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Encode(DocumentField? sortField, bool descending, object? lastKey, string lastId) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Keyset(sortField?.Path ?? "", descending, lastKey, lastId), Json));

    /// <summary>The key and id to continue after; null for the first page.</summary>
    public static (object? Key, string Id)? Decode(string? token, DocumentField? sortField, bool descending, ScalarKind? kind)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        Keyset? keyset;
        try
        {
            keyset = JsonSerializer.Deserialize<Keyset>(Base64Url.DecodeFromChars(token), Json);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new InvalidPageTokenException(token);
        }
        if (keyset is not { Id.Length: > 0 } || keyset.By != (sortField?.Path ?? "") || keyset.Descending != descending)
        {
            throw new InvalidPageTokenException(token);
        }
        if (kind is null)
        {
            return (null, keyset.Id);
        }
        return keyset.After is JsonElement after ? (KeyOf(after, kind.Value, token),
            keyset.Id) : throw new InvalidPageTokenException(token);
    }

    private static object KeyOf(JsonElement key, ScalarKind kind, string token) => (kind, key.ValueKind) switch
    {
        (ScalarKind.Text, JsonValueKind.String) => key.GetString()!,
        (ScalarKind.Integer, JsonValueKind.Number) when key.TryGetInt64(out var number) => number,
        _ => throw new InvalidPageTokenException(token),
    };

    private sealed record Keyset(string By, bool Descending, object? After, string Id);
}
