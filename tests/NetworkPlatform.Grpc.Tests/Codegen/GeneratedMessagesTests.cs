using Google.Protobuf;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Codegen;

/// <summary>
/// The build patches protoc's C# output so an empty map field is not enumerated when a message is written (GrpcStubs.targets:
/// on .NET 9+ that enumeration writes to one process-wide enumerator, a cache line every core then fights over).
/// </summary>
public class GeneratedMessagesTests
{
    [Fact]
    public void an_empty_map_field_is_skipped_when_a_message_is_written()
    {
        var message = new EchoResponse { Message = "hello", Index = 7 };
        // Deterministic output makes protobuf sort a copy of every map it writes: an allocation shows the empty map was enumerated.
        var output = new CodedOutputStream(new byte[message.CalculateSize() * 101]) { Deterministic = true };
        message.WriteTo(output); // anything created lazily on first use is created now

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            message.WriteTo(output);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(0, output.SpaceLeft);
        Assert.True(allocated == 0, $"Writing a message with an empty map 100 times allocated {allocated} bytes: the map was enumerated.");
    }

    [Fact]
    public void a_map_field_with_entries_is_still_written()
    {
        var message = new EchoResponse { Message = "hello", Metadata = { ["b"] = "2", ["a"] = "1" } };

        var parsed = EchoResponse.Parser.ParseFrom(message.ToByteArray());

        Assert.Equal(message, parsed);
        Assert.Equal("1", parsed.Metadata["a"]);
    }
}
