using System.Buffers;
using Google.Protobuf;
using NetworkPlatform.Grpc.Server.Protocol;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Server;

public class MessageFramingTests
{
    private static byte[] Framed(IMessage message)
    {
        var writer = new ArrayBufferWriter<byte>();
        MessageFraming.WriteMessage(writer, message, message.CalculateSize());
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>A sequence of one segment per chunk, as a message spread over DATA frames arrives.</summary>
    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int chunkSize)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            var chunk = bytes.AsMemory(offset, Math.Min(chunkSize, bytes.Length - offset));
            last = last is null ? first = new Segment(chunk, 0) : last.Append(chunk);
        }
        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    [Fact]
    public void framing_into_a_span_writes_the_same_bytes_as_framing_into_a_buffer_writer()
    {
        var message = new EchoResponse { Message = "streamed", Index = 300 };
        var frame = new byte[MessageFraming.HeaderSize + message.CalculateSize()];

        MessageFraming.WriteMessage(frame, message);

        Assert.Equal(Framed(message), frame);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(1000)]
    public void a_message_split_across_any_frame_boundaries_is_read_whole(int chunkSize)
    {
        var message = new EchoRequest { Message = "split", Payload = ByteString.CopyFrom(new byte[300]) };
        var buffer = Segmented(Framed(message), chunkSize);

        Assert.True(MessageFraming.TryReadMessage(ref buffer, 1024, out var compressed, out var payload));

        Assert.False(compressed);
        Assert.Equal(message, EchoRequest.Parser.ParseFrom(payload));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void an_incomplete_prefix_or_body_asks_for_more_and_consumes_nothing()
    {
        var framed = Framed(new EchoRequest { Message = "partial" });
        for (var length = 0; length < framed.Length; length++)
        {
            var buffer = Segmented(framed[..length], 2);
            Assert.False(MessageFraming.TryReadMessage(ref buffer, 1024, out _, out _));
            Assert.Equal(length, buffer.Length);
        }
    }

    [Fact]
    public void back_to_back_messages_are_read_one_at_a_time()
    {
        var buffer = Segmented([.. Framed(new EchoRequest { Message = "a" }), .. Framed(new EchoRequest { Message = "b" })], 4);

        Assert.True(MessageFraming.TryReadMessage(ref buffer, 1024, out _, out var first));
        Assert.True(MessageFraming.TryReadMessage(ref buffer, 1024, out _, out var second));

        Assert.Equal("a", EchoRequest.Parser.ParseFrom(first).Message);
        Assert.Equal("b", EchoRequest.Parser.ParseFrom(second).Message);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void a_length_prefix_above_the_limit_is_resource_exhausted_before_the_body_arrives()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0x50, 0, 0 }); // announces 5 MiB
        var error = Assert.Throws<RpcException>(() => MessageFraming.TryReadMessage(ref buffer, 4 * 1024 * 1024, out _, out _));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void a_compressed_flag_other_than_0_or_1_is_internal()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });
        var error = Assert.Throws<RpcException>(() => MessageFraming.TryReadMessage(ref buffer, 1024, out _, out _));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public void an_empty_message_is_a_five_byte_frame()
    {
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0 }, Framed(new EchoRequest()));
    }

    [Fact]
    public void messages_larger_than_one_span_are_written_through_the_buffer_writer()
    {
        var message = new EchoRequest { Payload = ByteString.CopyFrom(new byte[100_000]) };
        var framed = Framed(message);
        var buffer = new ReadOnlySequence<byte>(framed);

        Assert.Equal(5 + message.CalculateSize(), framed.Length);
        Assert.True(MessageFraming.TryReadMessage(ref buffer, 1 << 20, out _, out var payload));
        Assert.Equal(message, EchoRequest.Parser.ParseFrom(payload));
    }

    [Fact]
    public void gzip_messages_round_trip_with_the_compressed_flag()
    {
        var message = new EchoRequest { Message = new string('z', 10_000) };
        var writer = new ArrayBufferWriter<byte>();
        MessageFraming.WriteGzipMessage(writer, message);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);

        Assert.True(MessageFraming.TryReadMessage(ref buffer, 1 << 20, out var compressed, out var payload));
        Assert.True(compressed);
        Assert.True(payload.Length < 1000);
        Assert.Equal(message, EchoRequest.Parser.ParseFrom(MessageFraming.Gunzip(payload, 1 << 20)));
    }

    [Fact]
    public void a_gzip_message_inflating_beyond_the_limit_is_resource_exhausted()
    {
        var writer = new ArrayBufferWriter<byte>();
        MessageFraming.WriteGzipMessage(writer, new EchoRequest { Payload = ByteString.CopyFrom(new byte[1_000_000]) });
        var payload = new ReadOnlySequence<byte>(writer.WrittenMemory[5..]);

        var error = Assert.Throws<RpcException>(() => MessageFraming.Gunzip(payload, 64 * 1024));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void bytes_that_are_not_gzip_are_internal()
    {
        var error = Assert.Throws<RpcException>(() => MessageFraming.Gunzip(new ReadOnlySequence<byte>([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 1024));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
