using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace NetworkPlatform.Grpc.Client.Wire;

/// <summary>The header-level parts of the gRPC over HTTP/2 protocol a client needs (grpc/doc/PROTOCOL-HTTP2.md).</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string AcceptEncoding = "identity,gzip";
    public const string Gzip = "gzip";
    public const string UserAgent = "grpc-dotnet-networkplatform/1.0";

    /// <summary>Encodes a timeout as grpc-timeout: at most 8 digits, in the finest unit that fits, rounded up.</summary>
    public static string EncodeTimeout(TimeSpan timeout)
    {
        const long maxValue = 99_999_999;
        var ticks = Math.Max(timeout.Ticks, 0);
        // TimeSpan ticks are 100 ns; rounding up never sends a shorter timeout than the caller asked for.
        (long ticksPerUnit, char unit)[] units =
        [
            (1, 'n'), (10, 'u'), (TimeSpan.TicksPerMillisecond, 'm'), (TimeSpan.TicksPerSecond, 'S'),
            (TimeSpan.TicksPerMinute, 'M'), (TimeSpan.TicksPerHour, 'H'),
        ];
        foreach (var (ticksPerUnit, unit) in units)
        {
            var value = unit == 'n' ? ticks * 100 : (ticks + ticksPerUnit - 1) / ticksPerUnit;
            if (value <= maxValue)
            {
                return value.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }
        return maxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    /// <summary>Decodes grpc-message: percent-encoded UTF-8. Malformed escapes are kept as they are, never an error.</summary>
    public static string DecodeMessage(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add(byte.Parse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Decodes a -bin header value; peers may send it padded or unpadded.</summary>
    public static byte[] DecodeBinary(string value)
    {
        var trimmed = value.Trim().TrimEnd('=');
        var padded = trimmed.Length % 4 == 0 ? trimmed : trimmed + new string('=', 4 - (trimmed.Length % 4));
        return Convert.FromBase64String(padded);
    }

    /// <summary>Binary metadata goes out unpadded, as the protocol recommends.</summary>
    public static string EncodeBinary(byte[] value) => Convert.ToBase64String(value).TrimEnd('=');

    /// <summary>The status for a response that is not HTTP 200, mapped as in grpc/doc/http-grpc-status-mapping.md.</summary>
    public static StatusCode StatusFromHttp(HttpStatusCode status) => (int)status switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    /// <summary>Reads grpc-status, grpc-message and grpc-status-details-bin from trailers (or Trailers-Only headers).</summary>
    public static RpcException? ReadStatus(HttpHeaders headers, Metadata trailers)
    {
        if (!TryGetSingle(headers, "grpc-status", out var statusText))
        {
            return new RpcException(StatusCode.Internal, "The server ended the call without a grpc-status; it is not a gRPC server or it failed mid-call.", null, trailers);
        }
        if (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new RpcException(StatusCode.Unknown, $"The server sent an unparsable grpc-status '{statusText}'.", null, trailers);
        }
        if (code == 0)
        {
            return null;
        }
        var message = TryGetSingle(headers, "grpc-message", out var encoded) ? DecodeMessage(encoded) : "";
        Google.Rpc.Status? details = null;
        if (TryGetSingle(headers, "grpc-status-details-bin", out var detailsText))
        {
            try
            {
                details = Google.Rpc.Status.Parser.ParseFrom(DecodeBinary(detailsText));
            }
            catch (Exception e) when (e is FormatException or Google.Protobuf.InvalidProtocolBufferException)
            {
                // Unreadable details must not hide the status itself.
                details = null;
            }
        }
        var statusCode = Enum.IsDefined(typeof(StatusCode), code) ? (StatusCode)code : StatusCode.Unknown;
        return new RpcException(statusCode, message, details, trailers);
    }

    /// <summary>Copies application metadata out of response headers or trailers; protocol headers (grpc-*, :*) stay out.</summary>
    public static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            var key = header.Key.ToLowerInvariant();
            if (key.StartsWith("grpc-", StringComparison.Ordinal) || key == "te" || !IsValidKey(key))
            {
                continue;
            }
            foreach (var value in header.Value)
            {
                if (Metadata.IsBinaryKey(key))
                {
                    // Several binary values may arrive joined by commas.
                    foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        metadata.Add(key, DecodeBinary(part));
                    }
                }
                else if (IsPrintableAscii(value))
                {
                    metadata.Add(key, value);
                }
            }
        }
        return metadata;
    }

    public static void WriteMetadata(Metadata metadata, HttpRequestHeaders headers)
    {
        foreach (var entry in metadata)
        {
            headers.TryAddWithoutValidation(entry.Key, entry.IsBinary ? EncodeBinary(entry.ValueBytes) : entry.Value);
        }
    }

    private static bool TryGetSingle(HttpHeaders headers, string name, out string value)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var v in values)
            {
                value = v;
                return true;
            }
        }
        value = "";
        return false;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsValidKey(string key)
    {
        foreach (var c in key)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }
        return key.Length > 0;
    }

    private static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < (char)0x20 or > (char)0x7E)
            {
                return false;
            }
        }
        return true;
    }
}
