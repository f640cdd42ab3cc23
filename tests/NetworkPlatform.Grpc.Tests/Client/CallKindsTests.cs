using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>Our channel against python grpcio: edges of the call kinds (the kinds themselves: <see cref="EchoPeerContract"/>).</summary>
public sealed class CallKindsTests(PythonEchoServerFixture python) : IClassFixture<PythonEchoServerFixture>, IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(python.Server.Address);

    private static DateTime Soon => DateTime.UtcNow.AddSeconds(10);

    private EchoService.EchoServiceClient Client => new(channel);

    [Fact(Timeout = 30_000)]
    public async Task server_streaming_with_no_messages_ends_cleanly()
    {
        using var call = Client.EchoStream(new EchoRequest { Message = "none", Repeat = 0 }, deadline: Soon);

        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact(Timeout = 30_000)]
    public async Task writing_after_complete_is_refused()
    {
        using var call = Client.Collect(deadline: Soon);
        await call.RequestStream.CompleteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new EchoRequest()));
        Assert.Equal(0, (await call).Index);
    }

    [Fact(Timeout = 30_000)]
    public async Task an_unknown_method_fails_with_unimplemented()
    {
        var missing = new Method<EchoRequest, EchoResponse>(MethodType.Unary, EchoService.ServiceName, "DoesNotExist", EchoRequest.Parser, EchoResponse.Parser);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await channel.AsyncUnaryCall(missing, new EchoRequest(), new CallOptions(Deadline: Soon)));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task many_concurrent_calls_share_the_channel()
    {
        var calls = Enumerable.Range(0, 50).Select(i => Client.EchoAsync(new EchoRequest { Message = "c" + i }, deadline: Soon).ResponseAsync);

        var responses = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => "c" + i), responses.Select(r => r.Message));
    }

    public void Dispose() => channel.Dispose();
}
