using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>
/// The floor: Kestrel h2c with one middleware that drains the request and writes a fixed gRPC response
/// (headers, pre-framed messages flushed one by one, grpc-status trailer). What Kestrel alone costs.
/// </summary>
internal sealed class BareKestrelServer(WebApplication app) : IAsyncDisposable
{
    public static async Task<BareKestrelServer> StartAsync(int port, int streamMessages)
    {
        var unaryFrame = EchoPayloads.Frame(new EchoResponse { Message = EchoPayloads.Message });
        var streamFrames = Enumerable.Range(0, streamMessages)
            .Select(i => EchoPayloads.Frame(new EchoResponse { Message = EchoPayloads.Message, Index = i }))
            .ToArray();
        var app = await KestrelEndpoint.StartAsync(port, async context =>
        {
            var reader = context.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync();
                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
            var response = context.Response;
            response.ContentType = "application/grpc";
            response.AppendTrailer("grpc-status", "0");
            if (context.Request.Path.Value == EchoPayloads.StreamPath)
            {
                foreach (var frame in streamFrames)
                {
                    await response.BodyWriter.WriteAsync(frame);
                }
            }
            else
            {
                await response.BodyWriter.WriteAsync(unaryFrame);
            }
        });
        return new BareKestrelServer(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
