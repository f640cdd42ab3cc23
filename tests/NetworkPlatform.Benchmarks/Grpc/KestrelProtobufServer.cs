using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>
/// A reference, not a target: the bare Kestrel endpoint plus the protobuf work any .NET gRPC server does for the same
/// bytes (parse the request, serialize each response message with Google.Protobuf, one WriteAsync per message).
/// Our runtime against it is the cost of the runtime itself; the bare floor against it is what protobuf costs.
/// </summary>
internal sealed class KestrelProtobufServer(WebApplication app) : IAsyncDisposable
{
    public static async Task<KestrelProtobufServer> StartAsync(int port)
    {
        var app = await KestrelEndpoint.StartAsync(port, async context =>
        {
            var reader = context.Request.BodyReader;
            ReadResult read;
            while (!(read = await reader.ReadAsync()).IsCompleted)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
            var request = EchoRequest.Parser.ParseFrom(read.Buffer.Slice(5));
            reader.AdvanceTo(read.Buffer.End);

            var response = context.Response;
            response.ContentType = "application/grpc";
            response.AppendTrailer("grpc-status", "0");
            var body = response.BodyWriter;
            var scratch = ArrayPool<byte>.Shared.Rent(4096);
            var message = new EchoResponse { Message = request.Message };
            var count = context.Request.Path.Value == EchoPayloads.StreamPath ? request.Repeat : 1;
            for (var i = 0; i < count; i++)
            {
                message.Index = i;
                var size = message.CalculateSize();
                scratch[0] = 0;
                BinaryPrimitives.WriteInt32BigEndian(scratch.AsSpan(1), size);
                message.WriteTo(scratch.AsSpan(5, size));
                await body.WriteAsync(scratch.AsMemory(0, 5 + size));
            }
            ArrayPool<byte>.Shared.Return(scratch);
        });
        return new KestrelProtobufServer(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
