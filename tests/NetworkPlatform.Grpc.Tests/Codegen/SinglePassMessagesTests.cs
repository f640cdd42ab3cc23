using Google.Protobuf;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Codegen;

/// <summary>The one-pass writer generated for simple messages writes exactly the bytes Google.Protobuf writes, or declines.</summary>
public class SinglePassMessagesTests
{
    public static TheoryData<string> Texts => new()
    {
        "",
        "hello",
        "héllo wörld € 𝄞",
        "\ud800 unpaired surrogate",
        new string('€', 42), // 126 bytes: the largest text encoded behind a one-byte length prefix
        new string('€', 43),
        new string('a', 300), // two-byte length prefix
        string.Concat(Enumerable.Repeat("𝄞", 1000)),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void strings_are_written_as_google_protobuf_writes_them(string text)
    {
        AssertSameBytes(new EchoResponse { Message = text, Index = 3 });
        AssertSameBytes(new EchoRequest { Message = text });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void int32_fields_are_written_as_google_protobuf_writes_them(int value)
    {
        AssertSameBytes(new EchoResponse { Message = "m", Index = value });
        AssertSameBytes(new EchoRequest { Repeat = value, DelayMs = value, FailWithCode = value });
    }

    [Fact]
    public void bytes_and_bool_fields_are_written_as_google_protobuf_writes_them()
    {
        AssertSameBytes(new EchoResponse { Payload = ByteString.CopyFrom(new byte[200]) });
        AssertSameBytes(new EchoRequest { Message = "x", Payload = ByteString.CopyFromUtf8("payload"), EchoMetadata = true, IgnoreCancellation = true });
        AssertSameBytes(new EchoRequest());
    }

    [Fact]
    public void a_message_with_map_entries_or_unknown_fields_is_left_to_google_protobuf()
    {
        var withEntries = new EchoResponse { Message = "m", Metadata = { ["k"] = "v" } };
        // Field 99 is not in EchoResponse: parsing keeps it as an unknown field, which Google.Protobuf writes back.
        var withUnknownField = EchoResponse.Parser.ParseFrom([.. new EchoResponse { Message = "m" }.ToByteArray(), 0x98, 0x06, 0x01]);

        Assert.False(((ISinglePassMessage)withEntries).TryWriteTo(new byte[256], out _));
        Assert.False(((ISinglePassMessage)withUnknownField).TryWriteTo(new byte[256], out _));
    }

    [Fact]
    public void a_destination_too_small_is_declined_not_overrun()
    {
        var message = new EchoRequest { Message = "héllo " + new string('a', 200), Repeat = -5, Payload = ByteString.CopyFromUtf8("p"), EchoMetadata = true };
        var size = message.CalculateSize();
        for (var length = 0; length < size; length++)
        {
            var buffer = new byte[length + 8];
            Assert.False(((ISinglePassMessage)message).TryWriteTo(buffer.AsSpan(0, length), out _));
            Assert.All(buffer[length..], b => Assert.Equal(0, b));
        }
    }

    private static void AssertSameBytes(IMessage message)
    {
        var buffer = new byte[8192];
        Assert.True(((ISinglePassMessage)message).TryWriteTo(buffer, out var written));
        Assert.Equal(message.ToByteArray(), buffer[..written]);
    }
}
