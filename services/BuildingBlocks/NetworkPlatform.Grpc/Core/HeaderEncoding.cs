using System.Text;

namespace NetworkPlatform.Grpc;

/// <summary>
/// The two encodings gRPC puts on header values: percent-encoding for grpc-message and base64 for "-bin" metadata
/// (sent unpadded, accepted padded or unpadded, as PROTOCOL-HTTP2.md asks).
/// </summary>
public static class HeaderEncoding
{
    /// <summary>Percent-encodes a status message: printable ASCII except '%' passes through, everything else is %XX of its UTF-8 bytes.</summary>
    public static string PercentEncode(string message)
    {
        var plain = true;
        foreach (var c in message)
        {
            if (!IsUnreserved(c))
            {
                plain = false;
                break;
            }
        }
        if (plain)
        {
            return message;
        }
        var builder = new StringBuilder(message.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (IsUnreserved((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
        }
        return builder.ToString();
    }

    /// <summary>Decodes a percent-encoded status message; malformed escapes are kept as they are (the spec asks receivers not to fail on them).</summary>
    public static string PercentDecode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && HexValue(value[i + 1]) is var high and >= 0 && HexValue(value[i + 2]) is var low and >= 0)
            {
                bytes.Add((byte)((high << 4) | low));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Base64 without '=' padding, as gRPC implementations send binary headers.</summary>
    public static string ToUnpaddedBase64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    /// <summary>Decodes base64 with or without padding; false when the value is not base64 at all.</summary>
    public static bool TryFromBase64(string value, out byte[] bytes)
    {
        var text = value.Trim();
        var missing = (4 - text.Length % 4) % 4;
        if (missing == 3)
        {
            bytes = [];
            return false;
        }
        if (missing > 0)
        {
            text += new string('=', missing);
        }
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static bool IsUnreserved(char c) => c is >= ' ' and <= '~' and not '%';

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
