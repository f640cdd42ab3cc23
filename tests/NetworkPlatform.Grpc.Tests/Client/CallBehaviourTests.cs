using System.Diagnostics;
using Google.Protobuf;
using Google.Rpc;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>Deadlines, cancellation, errors in streams and size limits against python grpcio (what any peer must do: <see cref="EchoPeerContract"/>).</summary>
public sealed class CallBehaviourTests(PythonEchoServerFixture python) : IClassFixture<PythonEchoServerFixture>, IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(python.Server.Address);

    private static DateTime Soon => DateTime.UtcNow.AddSeconds(10);

    private EchoService.EchoServiceClient Client => new(channel);

    [Fact(Timeout = 30_000)]
    public async Task the_deadline_ends_a_server_stream_that_is_still_running()
    {
        using var call = Client.EchoStream(new EchoRequest { Message = "slow", Repeat = 100, DelayMs = 100 }, deadline: DateTime.UtcNow.AddMilliseconds(500));
        var received = 0;

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext())
            {
                received++;
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(received, 1, 10);
    }

    [Fact(Timeout = 30_000)]
    public async Task a_deadline_already_passed_fails_without_calling()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.EchoAsync(new EchoRequest { Message = "late" }, deadline: DateTime.UtcNow.AddSeconds(-1)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task cancelling_a_call_fails_it_with_cancelled_and_resets_the_stream_on_the_server()
    {
        var key = Guid.NewGuid().ToString("N");
        using var cancel = new CancellationTokenSource();
        using var call = Client.Chat(new Metadata().Add("x-cancel-key", key), Soon, cancel.Token);
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "one" });
        Assert.True(await call.ResponseStream.MoveNext());

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("true", await WaitForServerToSeeCancellationAsync(key));
    }

    [Fact(Timeout = 30_000)]
    public async Task cancelling_before_the_response_fails_a_unary_call_promptly()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.EchoAsync(new EchoRequest { Message = "slow", DelayMs = 6000 }, deadline: Soon, cancellationToken: cancel.Token));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
    }

    [Fact(Timeout = 30_000)]
    public async Task an_error_in_a_bidi_call_reaches_both_the_reader_and_the_writer()
    {
        using var call = Client.Chat(deadline: Soon);
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "bad", FailWithCode = (int)StatusCode.PermissionDenied });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var writeError = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest { Message = "after" }));
        Assert.Equal(StatusCode.PermissionDenied, writeError.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task a_response_over_the_receive_limit_fails_with_resource_exhausted()
    {
        using var small = GrpcChannel.ForAddress(python.Server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new EchoService.EchoServiceClient(small).EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[5000]) }, deadline: Soon));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task a_compressed_response_inflating_over_the_receive_limit_fails_with_resource_exhausted()
    {
        using var small = GrpcChannel.ForAddress(python.Server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 10_000 });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new EchoService.EchoServiceClient(small).EchoAsync(
                new EchoRequest { Payload = ByteString.CopyFrom(new byte[50_000]) }, new Metadata().Add("x-compress-response", "1"), Soon));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        // The frame itself was small: the limit caught the gzip expansion, so the server really compressed.
        Assert.Contains("inflates", error.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task a_request_over_the_send_limit_fails_locally_with_resource_exhausted()
    {
        using var small = GrpcChannel.ForAddress(python.Server.Address, new GrpcChannelOptions { MaxSendMessageSize = 100 });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new EchoService.EchoServiceClient(small).EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[500]) }, deadline: Soon));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("MaxSendMessageSize", error.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task trailers_are_refused_while_the_call_runs()
    {
        using var call = Client.EchoStream(new EchoRequest { Message = "x", Repeat = 2 }, deadline: Soon);
        Assert.True(await call.ResponseStream.MoveNext());

        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
    }

    private async Task<string> WaitForServerToSeeCancellationAsync(string key)
    {
        for (var i = 0; ; i++)
        {
            var response = await Client.EchoAsync(new EchoRequest(), new Metadata().Add("x-query-cancelled", key), Soon);
            if (response.Metadata["cancelled"] == "true" || i == 50)
            {
                return response.Metadata["cancelled"];
            }
            await Task.Delay(100);
        }
    }

    public void Dispose() => channel.Dispose();
}
