using Google.Protobuf;
using NetworkPlatform.Testing.V1;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>The small messages every server in the comparison answers, and their gRPC frames.</summary>
internal static class EchoPayloads
{
    public const string Message = "hello";

    public const string UnaryPath = "/networkplatform.testing.v1.EchoService/Echo";

    public const string StreamPath = "/networkplatform.testing.v1.EchoService/EchoStream";

    public static EchoRequest UnaryRequest => new() { Message = Message };

    public static EchoRequest StreamRequest(int messages) => new() { Message = Message, Repeat = messages };

    public static byte[] Frame(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[5 + body.Length];
        frame[1] = (byte)(body.Length >> 24);
        frame[2] = (byte)(body.Length >> 16);
        frame[3] = (byte)(body.Length >> 8);
        frame[4] = (byte)body.Length;
        body.CopyTo(frame, 5);
        return frame;
    }
}
