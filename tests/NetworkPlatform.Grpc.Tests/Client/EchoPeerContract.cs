using System.Diagnostics;
using Google.Protobuf;
using Google.Rpc;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>
/// What our channel and a generated client must do with any standard gRPC server: the call kinds, metadata both ways,
/// status details, deadlines and gzip. Run against python grpcio and C++ grpc (their echo servers behave alike).
/// </summary>
public abstract class EchoPeerContract(string address, string serverName) : IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(address);

    private static DateTime Soon => DateTime.UtcNow.AddSeconds(10);

    private EchoService.EchoServiceClient Client => new(channel);

    [Fact(Timeout = 30_000)]
    public async Task a_unary_call_round_trips_message_and_payload()
    {
        var response = await Client.EchoAsync(new EchoRequest { Message = "hallo fra C#", Payload = ByteString.CopyFrom(1, 2, 3) }, deadline: Soon);

        Assert.Equal("hallo fra C#", response.Message);
        Assert.Equal([1, 2, 3], response.Payload.ToByteArray());
        Assert.Equal(serverName, response.Metadata["server"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task text_and_binary_metadata_travel_both_ways()
    {
        byte[] binary = [0, 1, 2, 250, 255, 10, 13];

        using var call = Client.EchoAsync(new EchoRequest { EchoMetadata = true }, new Metadata().Add("x-tenant", "network-7").Add("x-trace-bin", binary), Soon);
        var response = await call;

        Assert.Equal("network-7", response.Metadata["x-tenant"]);
        Assert.Equal(binary, (await call.ResponseHeadersAsync).GetBytes("echo-x-trace-bin"));
        Assert.Equal(binary, call.GetTrailers().GetBytes("echo-x-trace-bin"));
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
    public async Task client_streaming_sends_every_message_before_the_single_response()
    {
        using var call = Client.Collect(deadline: Soon);
        foreach (var part in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = part });
        }
        await call.RequestStream.CompleteAsync();

        var response = await call;

        Assert.Equal(("abc", 3), (response.Message, response.Index));
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
            Assert.Equal(("m" + i, i), (call.ResponseStream.Current.Message, call.ResponseStream.Current.Index));
        }
        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact(Timeout = 30_000)]
    public async Task an_error_status_carries_the_percent_decoded_message_and_typed_details()
    {
        const string message = "naïve 100% sure ✓ — Oslo";

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.EchoAsync(new EchoRequest { Message = message, FailWithCode = (int)StatusCode.InvalidArgument }, deadline: Soon));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(message, error.Detail);
        Assert.Equal("message", Assert.Single(error.GetDetail<BadRequest>()!.FieldViolations).Field);
        var info = error.GetDetail<ErrorInfo>()!;
        Assert.Equal("ECHO_REFUSED", info.Reason);
        Assert.Equal("yes", info.Metadata["asked"]);
        Assert.Null(error.GetDetail<PreconditionFailure>());
    }

    [Fact(Timeout = 30_000)]
    public async Task an_error_after_streamed_messages_comes_from_the_trailers()
    {
        using var call = Client.EchoStream(new EchoRequest { Message = "then fail", Repeat = 2, FailWithCode = (int)StatusCode.FailedPrecondition }, deadline: Soon);

        Assert.True(await call.ResponseStream.MoveNext());
        Assert.True(await call.ResponseStream.MoveNext());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("ECHO_REFUSED", error.GetDetail<ErrorInfo>()!.Reason);
        Assert.Same(error.Trailers, call.GetTrailers());
    }

    [Fact(Timeout = 30_000)]
    public async Task a_server_slower_than_the_deadline_fails_with_deadline_exceeded()
    {
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.EchoAsync(new EchoRequest { Message = "slow", DelayMs = 6000 }, deadline: DateTime.UtcNow.AddMilliseconds(300)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
    }

    [Fact(Timeout = 30_000)]
    public async Task gzip_compressed_requests_and_responses_round_trip()
    {
        using var gzipChannel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { CompressRequests = true });
        var payload = ByteString.CopyFrom(new byte[200_000]);

        var response = await new EchoService.EchoServiceClient(gzipChannel).EchoAsync(
            new EchoRequest { Message = "zip", Payload = payload }, new Metadata().Add("x-compress-response", "1"), Soon);

        Assert.Equal(("zip", payload), (response.Message, response.Payload));
    }

    public void Dispose()
    {
        channel.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Our client against python grpcio's server.</summary>
public sealed class PythonServerTests(PythonEchoServerFixture python) : EchoPeerContract(python.Server.Address, "echo"), IClassFixture<PythonEchoServerFixture>;
