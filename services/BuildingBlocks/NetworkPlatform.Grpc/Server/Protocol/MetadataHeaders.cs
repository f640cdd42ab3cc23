using Microsoft.AspNetCore.Http;

namespace NetworkPlatform.Grpc.Server.Protocol;

/// <summary>Converts between HTTP/2 header fields and gRPC metadata (base64 for "-bin" keys).</summary>
internal static class MetadataHeaders
{
    /// <summary>The custom metadata of a request: protocol headers (pseudo, grpc-*, content-type, te, host) are left out.</summary>
    public static Metadata FromRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (!IsCustomMetadata(name))
            {
                continue;
            }
            var key = name.ToLowerInvariant();
            var binary = Metadata.IsBinaryKey(key);
            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }
                if (binary)
                {
                    // Intermediaries may join repeated binary headers with commas; each part is its own value.
                    foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (HeaderEncoding.TryFromBase64(part, out var bytes))
                        {
                            metadata.Add(key, bytes);
                        }
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

    /// <summary>Adds metadata as header fields (response headers, trailers, or the single HEADERS frame of a Trailers-Only response).</summary>
    public static void AppendTo(IHeaderDictionary headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            var value = entry.IsBinary ? HeaderEncoding.ToUnpaddedBase64(entry.ValueBytes) : entry.Value;
            headers.Append(entry.Key, value);
        }
    }

    private static bool IsCustomMetadata(string name)
    {
        if (name.Length == 0 || name[0] == ':' || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase) || name.Equals("te", StringComparison.OrdinalIgnoreCase)
            || name.Equals("host", StringComparison.OrdinalIgnoreCase) || name.Equals("content-length", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }
        return true;
    }
}
