using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Grpc;
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>Our runtime serving EchoService on Kestrel h2c, as a service would (AddGrpcServer + MapGrpcService).</summary>
internal sealed class OurEchoServer(WebApplication app) : IAsyncDisposable
{
    public static async Task<OurEchoServer> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddGrpcServer();
        var app = builder.Build();
        app.MapGrpcService<BenchEchoService>();
        await app.StartAsync();
        return new OurEchoServer(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    /// <summary>
    /// Does what the C++ peer does: echo the message; stream `repeat` copies with their index, reusing one response
    /// message as the C++ peer does (WriteAsync has serialized a message by the time it returns).
    /// </summary>
    private sealed class BenchEchoService : EchoService.EchoServiceBase
    {
        public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
            Task.FromResult(new EchoResponse { Message = request.Message });

        public override async Task EchoStream(EchoRequest request, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
        {
            var response = new EchoResponse { Message = request.Message };
            for (var i = 0; i < request.Repeat; i++)
            {
                response.Index = i;
                await responseStream.WriteAsync(response);
            }
        }
    }
}
