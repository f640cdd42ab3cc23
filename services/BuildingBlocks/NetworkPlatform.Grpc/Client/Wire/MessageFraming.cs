using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace NetworkPlatform.Grpc.Client.Wire;

/// <summary>Length-prefixed messages: 1 byte compressed flag, 4 bytes big-endian length, then the (maybe gzipped) protobuf bytes.</summary>
internal static class MessageFraming
{
    public const int HeaderSize = 5;

    public static byte[] Frame(IMessage message, bool gzip, int maxSendMessageSize)
    {
        var size = message.CalculateSize();
        if (size > maxSendMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"The request message is {size} bytes, over the channel's MaxSendMessageSize of {maxSendMessageSize}; send less or raise the limit.");
        }
        if (gzip)
        {
            var compressed = Compress(message.ToByteArray());
            var frame = new byte[HeaderSize + compressed.Length];
            frame[0] = 1;
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)compressed.Length);
            compressed.CopyTo(frame.AsSpan(HeaderSize));
            return frame;
        }
        var plain = new byte[HeaderSize + size];
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(1), (uint)size);
        message.WriteTo(plain.AsSpan(HeaderSize));
        return plain;
    }

    public static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }

    /// <summary>Gunzips a message, refusing to inflate past the receive limit (a small frame may expand hugely).</summary>
    public static byte[] Decompress(byte[] data, int maxMessageSize)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = gzip.Read(buffer)) > 0)
        {
            if (output.Length + read > maxMessageSize)
            {
                throw new RpcException(StatusCode.ResourceExhausted,
                    $"A response message inflates to more than the channel's MaxReceiveMessageSize of {maxMessageSize} bytes; raise the limit or ask for less.");
            }
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }
}

/// <summary>Reads length-prefixed messages from a response body, whatever DATA frame boundaries they arrived in.</summary>
internal sealed class MessageReader(Stream body, string? encoding, int maxReceiveMessageSize)
{
    private readonly byte[] header = new byte[MessageFraming.HeaderSize];

    /// <summary>The next message's bytes, or null at the end of the body.</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        var read = await body.ReadAtLeastAsync(header, MessageFraming.HeaderSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }
        if (read < MessageFraming.HeaderSize)
        {
            throw new RpcException(StatusCode.Internal, "The response ended inside a message header; the server or a proxy cut the stream.");
        }
        var compressed = header[0];
        if (compressed > 1)
        {
            throw new RpcException(StatusCode.Internal, $"A response message has an invalid compressed flag {compressed}.");
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        if (length > maxReceiveMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"A response message of {length} bytes exceeds the channel's MaxReceiveMessageSize of {maxReceiveMessageSize}; raise the limit or ask for less.");
        }
        var payload = length == 0 ? [] : new byte[length];
        try
        {
            await body.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException)
        {
            throw new RpcException(StatusCode.Internal, $"The response ended inside a message of {length} bytes; the server or a proxy cut the stream.");
        }
        if (compressed == 0)
        {
            return payload;
        }
        return encoding switch
        {
            GrpcProtocol.Gzip => MessageFraming.Decompress(payload, maxReceiveMessageSize),
            null or "identity" => throw new RpcException(StatusCode.Internal, "A response message is flagged compressed but the server sent no grpc-encoding."),
            _ => throw new RpcException(StatusCode.Internal, $"The server compressed a response with '{encoding}', which this client does not support (it accepts gzip)."),
        };
    }
}
