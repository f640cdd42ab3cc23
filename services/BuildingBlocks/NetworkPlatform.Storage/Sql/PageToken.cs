using System.Buffers.Text;
using System.Text;

namespace NetworkPlatform.Storage.Sql;

/// <summary>Keyset paging: the token is the last id of the previous page, so inserts never shift later pages.</summary>
internal static class PageToken
{
    private const string Prefix = "after:";

    public static string Encode(string lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastId));

    /// <summary>The id to continue after; "" (before every id) for the first page.</summary>
    public static string Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return "";
        }
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw new InvalidPageTokenException(token);
        }
        return text.StartsWith(Prefix, StringComparison.Ordinal) && text.Length > Prefix.Length
            ? text[Prefix.Length..]
            : throw new InvalidPageTokenException(token);
    }
}
