using Google.Rpc;
using NetworkPlatform.Grpc.Testing.V1;
using NetworkPlatform.Grpc.Tests.Conformance;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>Our client against our own server, the way services call each other.</summary>
public sealed class OurServerTests : IAsyncLifetime
{
    private GrpcTestServer? server;
    private GrpcChannel? channel;

    private static DateTime Soon => DateTime.UtcNow.AddSeconds(10);

    private EchoService.EchoServiceClient Client => new(channel!);

    public async Task InitializeAsync()
    {
        server = await GrpcTestServer.StartAsync();
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Port}");
    }

    public async Task DisposeAsync()
    {
        channel?.Dispose();
        await server!.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task every_call_kind_works_against_our_server()
    {
        Assert.Equal("one", (await Client.EchoAsync(new EchoRequest { Message = "one" }, deadline: Soon)).Message);

        using var stream = Client.EchoStream(new EchoRequest { Message = "s", Repeat = 3 }, deadline: Soon);
        Assert.Equal(3, await stream.ResponseStream.ReadAllAsync().CountAsync());

        using var collect = Client.Collect(deadline: Soon);
        await collect.RequestStream.WriteAsync(new EchoRequest { Message = "a" });
        await collect.RequestStream.WriteAsync(new EchoRequest { Message = "b" });
        await collect.RequestStream.CompleteAsync();
        Assert.Equal("a,b", (await collect).Message);

        using var chat = Client.Chat(deadline: Soon);
        await chat.RequestStream.WriteAsync(new EchoRequest { Message = "hi" });
        Assert.True(await chat.ResponseStream.MoveNext());
        Assert.Equal("hi", chat.ResponseStream.Current.Message);
        await chat.RequestStream.CompleteAsync();
        Assert.False(await chat.ResponseStream.MoveNext());
    }

    [Fact(Timeout = 30_000)]
    public async Task the_deadline_and_metadata_reach_our_server()
    {
        var response = await Client.EchoAsync(new EchoRequest { EchoMetadata = true }, new Metadata().Add("x-id-bin", [1, 2, 255]).Add("x-user", "ada"), Soon);

        Assert.Equal("yes", response.Metadata["deadline-set"]);
        Assert.Equal("0102ff", response.Metadata["x-id-bin"]);
        Assert.Equal("ada", response.Metadata["authenticated-user"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task rpc_errors_from_our_server_arrive_as_typed_exceptions_with_trailers()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.EchoAsync(new EchoRequest { FailWithCode = (int)StatusCode.NotFound }, deadline: Soon));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("Echo failed with NotFound as asked: ünïcode % and\nnewline", error.Detail);
        Assert.Equal("ECHO_FAILED", error.GetDetail<ErrorInfo>()!.Reason);
        Assert.Equal("fail_with_code", error.GetDetail<BadRequest>()!.FieldViolations[0].Field);
        Assert.Equal("kept", error.Trailers.GetValue("echo-trailer"));
        Assert.Equal([0, 1, 2, 0xFF], error.Trailers.GetBytes("echo-trailer-bin"));
    }

    [Fact(Timeout = 30_000)]
    public async Task a_slow_handler_on_our_server_ends_with_deadline_exceeded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.EchoAsync(new EchoRequest { DelayMs = 5000 }, deadline: DateTime.UtcNow.AddMilliseconds(200)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task a_unary_handler_ignoring_its_deadline_is_answered_deadline_exceeded_at_the_deadline_and_counted_once()
    {
        await WarmUpAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.EchoAsync(new EchoRequest { Message = "stubborn unary", DelayMs = 4000, IgnoreCancellation = true }, deadline: DateTime.UtcNow.AddMilliseconds(800)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"took {started.Elapsed}");
        // Our client resets the stream at its own copy of the deadline, which may reach the server just before the server's timer.
        Assert.Equal(StatusCode.DeadlineExceeded, (await SingleOutcomeAsync("stubborn unary")).StatusCode);
        Assert.Equal("after", (await Client.EchoAsync(new EchoRequest { Message = "after" }, deadline: Soon)).Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task a_streaming_handler_ignoring_its_deadline_ends_at_the_deadline_and_its_later_writes_fail_on_the_server()
    {
        await WarmUpAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var stream = Client.EchoStream(new EchoRequest { Message = "stubborn stream", Repeat = 2, DelayMs = 4000, IgnoreCancellation = true },
            deadline: DateTime.UtcNow.AddMilliseconds(800));
        var received = 0;
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await stream.ResponseStream.MoveNext())
            {
                received++;
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"took {started.Elapsed}");
        Assert.Equal(2, received);
        var outcome = await SingleOutcomeAsync("stubborn stream");
        Assert.Equal(StatusCode.DeadlineExceeded, outcome.StatusCode);
        Assert.IsAssignableFrom<OperationCanceledException>(outcome.Exception);
    }

    private Task<CallOutcome> SingleOutcomeAsync(string message) => server!.Interceptor.SingleOutcomeAsync(message);

    /// <summary>Connects and warms the server up first, so a short deadline is spent on the call itself even on a busy machine.</summary>
    private async Task WarmUpAsync() => await Client.EchoAsync(new EchoRequest { Message = "warm-up" }, deadline: Soon);

    [Fact(Timeout = 30_000)]
    public async Task gzip_requests_are_understood_by_our_server()
    {
        using var gzip = GrpcChannel.ForAddress($"http://127.0.0.1:{server!.Port}", new GrpcChannelOptions { CompressRequests = true });
        var payload = Google.Protobuf.ByteString.CopyFrom(new byte[100_000]);

        var response = await new EchoService.EchoServiceClient(gzip).EchoAsync(new EchoRequest { Payload = payload }, deadline: Soon);

        Assert.Equal(payload, response.Payload);
    }
}
