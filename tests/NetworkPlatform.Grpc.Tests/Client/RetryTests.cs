using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>Retries: only UNAVAILABLE, only idempotent methods, bounded, never after a response message arrived.</summary>
public sealed class RetryTests(PythonEchoServerFixture python) : IClassFixture<PythonEchoServerFixture>, IDisposable
{
    private static readonly RetryPolicy FastRetries = new() { MaxAttempts = 4, InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(100) };

    private readonly GrpcChannel channel = GrpcChannel.ForAddress(python.Server.Address, new GrpcChannelOptions { Retry = FastRetries });

    private static DateTime Soon => DateTime.UtcNow.AddSeconds(10);

    private EchoService.EchoServiceClient Client => new(channel);

    [Fact(Timeout = 30_000)]
    public async Task an_idempotent_call_is_retried_on_unavailable_until_it_succeeds()
    {
        var key = NewKey();

        var response = await Client.EchoAsync(new EchoRequest { Message = "again" }, FailFirst(key, 2), Soon);

        Assert.Equal("again", response.Message);
        Assert.Equal("3", response.Metadata["attempt"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task retries_stop_after_max_attempts()
    {
        var key = NewKey();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await Client.EchoAsync(new EchoRequest(), FailFirst(key, 10), Soon));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(FastRetries.MaxAttempts + 1, await NextAttemptAsync(key));
    }

    [Fact(Timeout = 30_000)]
    public async Task other_status_codes_are_not_retried()
    {
        var key = NewKey();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.EchoAsync(new EchoRequest(), FailFirst(key, 1).Add("x-fail-code", ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture)), Soon));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal(2, await NextAttemptAsync(key));
    }

    [Fact(Timeout = 30_000)]
    public async Task a_method_not_marked_idempotent_is_not_retried()
    {
        var key = NewKey();
        using var call = Client.EchoStream(new EchoRequest { Repeat = 0 }, FailFirst(key, 1), Soon);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(2, await NextAttemptAsync(key));
    }

    [Fact(Timeout = 30_000)]
    public async Task an_idempotent_stream_is_not_retried_once_a_message_arrived()
    {
        var idempotentStream = new Method<EchoRequest, EchoResponse>(
            MethodType.ServerStreaming, EchoService.ServiceName, "EchoStream", EchoRequest.Parser, EchoResponse.Parser, idempotent: true);
        var key = NewKey();
        using var call = channel.AsyncServerStreamingCall(idempotentStream, new EchoRequest { Message = "data", Repeat = 1 }, new CallOptions(FailFirst(key, 1), Soon));

        Assert.True(await call.ResponseStream.MoveNext());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(2, await NextAttemptAsync(key));
    }

    [Fact(Timeout = 30_000)]
    public async Task an_idempotent_stream_failing_before_any_message_is_retried()
    {
        var idempotentStream = new Method<EchoRequest, EchoResponse>(
            MethodType.ServerStreaming, EchoService.ServiceName, "EchoStream", EchoRequest.Parser, EchoResponse.Parser, idempotent: true);
        var key = NewKey();
        using var call = channel.AsyncServerStreamingCall(idempotentStream, new EchoRequest { Message = "data", Repeat = 0 }, new CallOptions(FailFirst(key, 1), Soon));

        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(3, await NextAttemptAsync(key));
    }

    [Fact(Timeout = 40_000)]
    public async Task an_idempotent_call_reaches_a_server_that_comes_up_late()
    {
        await using var late = PythonEchoServer.StartLate(TimeSpan.FromSeconds(1));
        // Python may take seconds to start on a loaded machine: retry until the deadline rather than a fixed count.
        var retryPatiently = new RetryPolicy { MaxAttempts = 100, InitialBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1) };
        using var lateChannel = GrpcChannel.ForAddress(late.Address, new GrpcChannelOptions { Retry = retryPatiently });

        var response = await new EchoService.EchoServiceClient(lateChannel).EchoAsync(new EchoRequest { Message = "finally" }, deadline: DateTime.UtcNow.AddSeconds(25));

        Assert.Equal("finally", response.Message);
        Assert.Equal("late", response.Metadata["server"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task a_non_idempotent_call_to_a_closed_port_fails_at_once_with_unavailable()
    {
        using var refusing = new NetworkPlatform.Testing.RefusingPort();
        using var closed = GrpcChannel.ForAddress($"http://127.0.0.1:{refusing.Port}", new GrpcChannelOptions { Retry = FastRetries });
        using var call = new EchoService.EchoServiceClient(closed).Collect(deadline: Soon);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static Metadata FailFirst(string key, int times) =>
        new Metadata().Add("x-attempt-key", key).Add("x-fail-times", times.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The server's attempt counter for a key, advanced by one more (successful) call: how many calls it saw before, plus one.</summary>
    private async Task<int> NextAttemptAsync(string key)
    {
        var response = await Client.EchoAsync(new EchoRequest(), new Metadata().Add("x-attempt-key", key), Soon);
        return int.Parse(response.Metadata["attempt"], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => channel.Dispose();
}
