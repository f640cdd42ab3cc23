using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace NetworkPlatform.Grpc.Server.Protocol;

/// <summary>
/// gRPC's Length-Prefixed-Message: a compressed flag byte, a 4-byte big-endian length, then the message.
/// Messages may be split across any number of DATA frames, so reading works on a ReadOnlySequence.
/// </summary>
public static class MessageFraming
{
    public const int HeaderSize = 5;

    /// <summary>
    /// Takes one whole message off the front of <paramref name="buffer"/>. False when the buffer does not hold a whole message yet
    /// (read more and try again). Throws RESOURCE_EXHAUSTED as soon as the prefix announces a message above <paramref name="maxMessageSize"/>.
    /// </summary>
    public static bool TryReadMessage(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> message)
    {
        compressed = false;
        message = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var flag = header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (flag > 1)
        {
            throw new RpcException(StatusCode.Internal, $"Invalid message frame: the compressed flag is {flag}, it must be 0 or 1.");
        }
        if (length > (uint)maxMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Received message larger than max ({length} vs. {maxMessageSize}).");
        }
        if (buffer.Length - HeaderSize < length)
        {
            return false;
        }
        compressed = flag == 1;
        message = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(message.End);
        return true;
    }

    /// <summary>Writes prefix and message straight into the writer; small messages take one span, larger ones go through the buffer writer.</summary>
    public static void WriteMessage(IBufferWriter<byte> writer, IMessage message, int size)
    {
        const int SingleSpanLimit = 4096 - HeaderSize;
        if (size <= SingleSpanLimit)
        {
            var span = writer.GetSpan(HeaderSize + size);
            WriteHeader(span, compressed: false, size);
            message.WriteTo(span.Slice(HeaderSize, size));
            writer.Advance(HeaderSize + size);
            return;
        }
        WriteHeader(writer.GetSpan(HeaderSize), compressed: false, size);
        writer.Advance(HeaderSize);
        message.WriteTo(writer);
    }

    /// <summary>Writes prefix and message into <paramref name="frame"/>, which is exactly <see cref="HeaderSize"/> plus the message's size long.</summary>
    public static void WriteMessage(Span<byte> frame, IMessage message)
    {
        WriteHeader(frame, compressed: false, frame.Length - HeaderSize);
        message.WriteTo(frame[HeaderSize..]);
    }

    /// <summary>Writes a gzip-compressed message (compressed flag set).</summary>
    public static void WriteGzipMessage(IBufferWriter<byte> writer, IMessage message)
    {
        using var compressedBytes = new MemoryStream();
        using (var gzip = new GZipStream(compressedBytes, CompressionLevel.Fastest, leaveOpen: true))
        {
            message.WriteTo(gzip);
        }
        var length = (int)compressedBytes.Length;
        var span = writer.GetSpan(HeaderSize + length);
        WriteHeader(span, compressed: true, length);
        compressedBytes.GetBuffer().AsSpan(0, length).CopyTo(span[HeaderSize..]);
        writer.Advance(HeaderSize + length);
    }

    /// <summary>Inflates a gzip message, refusing to grow it beyond <paramref name="maxMessageSize"/> (a small bomb must not eat the heap).</summary>
    public static byte[] Gunzip(ReadOnlySequence<byte> compressed, int maxMessageSize)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray());
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxMessageSize)
                {
                    throw new RpcException(StatusCode.ResourceExhausted, $"Received message larger than max after decompression (more than {maxMessageSize} bytes).");
                }
                output.Write(chunk, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new RpcException(StatusCode.Internal, "Could not decompress the request message: it is not valid gzip.");
        }
    }

    /// <summary>Writes the 5-byte prefix of a message of <paramref name="length"/> bytes.</summary>
    public static void WriteHeader(Span<byte> span, bool compressed, int length)
    {
        span[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
    }
}
