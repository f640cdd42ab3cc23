using System.Text;
using System.Text.Unicode;

namespace NetworkPlatform.Grpc;

/// <summary>
/// Implemented by the code our protoc plugin generates for messages made only of singular proto3 scalars, strings, bytes,
/// enums and maps: writes the protobuf encoding in one pass, without Google.Protobuf's CalculateSize walk before WriteTo
/// (which, with its second UTF-8 count, was most of what a small streamed message cost beyond Kestrel).
/// </summary>
public interface ISinglePassMessage
{
    /// <summary>
    /// Writes the message's encoding (the same bytes as Google.Protobuf's WriteTo) at the start of <paramref name="destination"/>.
    /// False when it does not fit, or when the message holds what only Google.Protobuf writes (map entries, unknown fields):
    /// then <paramref name="destination"/> holds nothing usable.
    /// </summary>
    bool TryWriteTo(Span<byte> destination, out int written);
}

/// <summary>The protobuf wire primitives the generated <see cref="ISinglePassMessage"/> code uses; each returns false when out of room.</summary>
public ref struct SinglePassWriter(Span<byte> destination)
{
    private readonly Span<byte> destination = destination;

    public int Position { get; private set; }

    public bool TryWriteVarint(uint tag, ulong value) => TryWriteRawVarint(tag) && TryWriteRawVarint(value);

    public bool TryWriteBool(uint tag, bool value) => TryWriteRawVarint(tag) && TryWriteRawVarint(value ? 1UL : 0UL);

    public bool TryWriteBytes(uint tag, ReadOnlySpan<byte> value)
    {
        if (!TryWriteRawVarint(tag) || !TryWriteRawVarint((ulong)value.Length) || !value.TryCopyTo(destination[Position..]))
        {
            return false;
        }
        Position += value.Length;
        return true;
    }

    /// <summary>UTF-8 as Google.Protobuf writes it (Encoding.UTF8: an unpaired surrogate becomes U+FFFD).</summary>
    public bool TryWriteString(uint tag, string value)
    {
        if (!TryWriteRawVarint(tag))
        {
            return false;
        }
        // Up to 42 chars the UTF-8 length fits one prefix byte whatever the text: encode behind it, then fill it in.
        const int MaxOneByteLengthChars = 127 / 3;
        if (value.Length <= MaxOneByteLengthChars)
        {
            if (Position >= destination.Length
                || Utf8.FromUtf16(value, destination[(Position + 1)..], out _, out var written) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }
            destination[Position] = (byte)written;
            Position += 1 + written;
            return true;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        if (!TryWriteRawVarint((ulong)length) || destination.Length - Position < length)
        {
            return false;
        }
        Position += Encoding.UTF8.GetBytes(value, destination[Position..]);
        return true;
    }

    private bool TryWriteRawVarint(ulong value)
    {
        var span = destination[Position..];
        var i = 0;
        while (value >= 0x80)
        {
            if (i >= span.Length)
            {
                return false;
            }
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        if (i >= span.Length)
        {
            return false;
        }
        span[i++] = (byte)value;
        Position += i;
        return true;
    }
}
