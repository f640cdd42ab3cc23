using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>Our channel and a generated client against python grpcio: the four call kinds.</summary>
public sealed class CallKindsTests(PythonEchoServerFixture python) : IClassFixture<PythonEchoServerFixture>, IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(python.Server.Address);

    private static DateTime Soon => DateTime.UtcNow.AddSeconds(10);

    private EchoService.EchoServiceClient Client => new(channel);

    [Fact(Timeout = 30_000)]
    public async Task unary_call_returns_the_servers_response()
    {
        var response = await Client.EchoAsync(new EchoRequest { Message = "hello", Payload = Google.Protobuf.ByteString.CopyFrom(1, 2, 3) }, deadline: Soon);

        Assert.Equal("hello", response.Message);
        Assert.Equal([1, 2, 3], response.Payload.ToByteArray());
        Assert.Equal("echo", response.Metadata["server"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task server_streaming_reads_every_message_in_order_then_ok()
    {
        using var call = Client.EchoStream(new EchoRequest { Message = "tick", Repeat = 5 }, deadline: Soon);

        var indexes = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            indexes.Add(response.Index);
        }

        Assert.Equal([0, 1, 2, 3, 4], indexes);
        Assert.NotNull(call.GetTrailers());
    }

    [Fact(Timeout = 30_000)]
    public async Task server_streaming_with_no_messages_ends_cleanly()
    {
        using var call = Client.EchoStream(new EchoRequest { Message = "none", Repeat = 0 }, deadline: Soon);

        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact(Timeout = 30_000)]
    public async Task client_streaming_sends_every_message_before_the_single_response()
    {
        using var call = Client.Collect(deadline: Soon);
        foreach (var part in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = part });
        }
        await call.RequestStream.CompleteAsync();

        var response = await call;

        Assert.Equal("abc", response.Message);
        Assert.Equal(3, response.Index);
    }

    [Fact(Timeout = 30_000)]
    public async Task bidi_streaming_answers_each_message_as_it_arrives()
    {
        using var call = Client.Chat(deadline: Soon);
        for (var i = 0; i < 3; i++)
        {
            // One request, then its answer, before the next request: the request stream is really streamed.
            await call.RequestStream.WriteAsync(new EchoRequest { Message = "m" + i });
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal("m" + i, call.ResponseStream.Current.Message);
            Assert.Equal(i, call.ResponseStream.Current.Index);
        }
        await call.RequestStream.CompleteAsync();

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
