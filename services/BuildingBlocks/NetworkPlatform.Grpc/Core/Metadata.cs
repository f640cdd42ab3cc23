using System.Collections;

namespace NetworkPlatform.Grpc;

/// <summary>
/// Request headers or response trailers. Keys are lower-case ASCII; keys ending in "-bin" carry bytes
/// (base64 on the wire), all others carry printable ASCII strings.
/// </summary>
public sealed class Metadata : IEnumerable<Metadata.Entry>
{
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> entries = [];

    public int Count => entries.Count;

    public Metadata Add(string key, string value)
    {
        entries.Add(new Entry(key, value));
        return this;
    }

    public Metadata Add(string key, byte[] value)
    {
        entries.Add(new Entry(key, value));
        return this;
    }

    public void Add(Entry entry) => entries.Add(entry);

    /// <summary>The last string value for a key, or null.</summary>
    public string? GetValue(string key)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].Key == key && !entries[i].IsBinary)
            {
                return entries[i].Value;
            }
        }
        return null;
    }

    /// <summary>The last binary value for a "-bin" key, or null.</summary>
    public byte[]? GetBytes(string key)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].Key == key && entries[i].IsBinary)
            {
                return entries[i].ValueBytes;
            }
        }
        return null;
    }

    public IEnumerable<Entry> GetAll(string key) => entries.Where(e => e.Key == key);

    public IEnumerator<Entry> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.Ordinal);

    public sealed class Entry
    {
        private readonly string? text;
        private readonly byte[]? bytes;

        public Entry(string key, string value)
        {
            Key = NormalizeKey(key);
            if (IsBinaryKey(Key))
            {
                throw new ArgumentException($"Metadata key '{Key}' ends in -bin and needs a byte[] value.", nameof(key));
            }
            foreach (var c in value)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    throw new ArgumentException($"Metadata value for '{Key}' must be printable ASCII; use a -bin key for other data.", nameof(value));
                }
            }
            text = value;
        }

        public Entry(string key, byte[] value)
        {
            Key = NormalizeKey(key);
            if (!IsBinaryKey(Key))
            {
                throw new ArgumentException($"Metadata key '{Key}' carries bytes and must end in -bin.", nameof(key));
            }
            bytes = value;
        }

        public string Key { get; }

        public bool IsBinary => bytes is not null;

        public string Value => text ?? throw new InvalidOperationException($"Metadata '{Key}' is binary; read ValueBytes.");

        public byte[] ValueBytes => bytes ?? throw new InvalidOperationException($"Metadata '{Key}' is text; read Value.");

        public override string ToString() => IsBinary ? $"{Key}: <{bytes!.Length} bytes>" : $"{Key}: {text}";

        private static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var lower = key.ToLowerInvariant();
            foreach (var c in lower)
            {
                var valid = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.';
                if (!valid)
                {
                    throw new ArgumentException($"Metadata key '{key}' may hold only a-z, 0-9, '-', '_' and '.'.", nameof(key));
                }
            }
            if (lower.StartsWith("grpc-", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Metadata key '{key}' is reserved: the grpc- prefix belongs to the protocol.", nameof(key));
            }
            return lower;
        }
    }
}
