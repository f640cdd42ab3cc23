using System.Diagnostics;
using Google.Protobuf;
using Google.Rpc;
using NetworkPlatform.Grpc.Testing.V1;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>C++ grpc's sync server (Conformance/cpp/conformance_server.cc on Debian's grpc++), built and started once for these tests.</summary>
public sealed class CppEchoServerFixture : IAsyncLifetime
{
    private PeerProcess? server;

    public string Address { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var binary = await CppProgram.BuildAsync(
            "conformance_server",
            RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Conformance", "cpp", "conformance_server.cc"),
            [
                (RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Protos"), "echo.proto"),
                (RepositoryPaths.Combine("protos"), "google/rpc/status.proto"),
                (RepositoryPaths.Combine("protos"), "google/rpc/error_details.proto"),
            ],
            optimise: false);
        var port = FreePort.Next();
        server = await PeerProcess.StartAsync(binary, [port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Address = $"http://127.0.0.1:{port}";
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>Our channel and generated client against C++ grpc: call kinds, metadata, status details, deadlines, gzip.</summary>
public sealed class CppServerTests(CppEchoServerFixture cpp) : IClassFixture<CppEchoServerFixture>, IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(cpp.Address);

    private static DateTime Soon => DateTime.UtcNow.AddSeconds(10);

    private EchoService.EchoServiceClient Client => new(channel);

    [Fact(Timeout = 30_000)]
    public async Task a_unary_call_round_trips_message_and_payload()
    {
        var response = await Client.EchoAsync(new EchoRequest { Message = "hallo fra C#", Payload = ByteString.CopyFrom(1, 2, 3) }, deadline: Soon);

        Assert.Equal("hallo fra C#", response.Message);
        Assert.Equal([1, 2, 3], response.Payload.ToByteArray());
        Assert.Equal("cpp", response.Metadata["server"]);
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
    public async Task server_streaming_reads_every_message_in_order()
    {
        using var call = Client.EchoStream(new EchoRequest { Message = "tick", Repeat = 5 }, deadline: Soon);

        var indexes = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            indexes.Add(response.Index);
        }

        Assert.Equal([0, 1, 2, 3, 4], indexes);
    }

    [Fact(Timeout = 30_000)]
    public async Task client_streaming_sends_every_message_before_the_response()
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
            await call.RequestStream.WriteAsync(new EchoRequest { Message = "m" + i });
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(("m" + i, i), (call.ResponseStream.Current.Message, call.ResponseStream.Current.Index));
        }
        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact(Timeout = 30_000)]
    public async Task an_error_carries_the_exact_message_and_typed_details()
    {
        const string message = "naïve 100% sure ✓ — Oslo";

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.EchoAsync(new EchoRequest { Message = message, FailWithCode = (int)StatusCode.InvalidArgument }, deadline: Soon));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(message, error.Detail);
        Assert.Equal("message", Assert.Single(error.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.Equal("ECHO_REFUSED", error.GetDetail<ErrorInfo>()!.Reason);
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
    }

    [Fact(Timeout = 30_000)]
    public async Task a_slow_call_ends_with_deadline_exceeded_at_the_deadline()
    {
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.EchoAsync(new EchoRequest { DelayMs = 5000 }, deadline: DateTime.UtcNow.AddMilliseconds(300)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact(Timeout = 30_000)]
    public async Task gzip_compressed_requests_and_responses_round_trip()
    {
        using var gzipChannel = GrpcChannel.ForAddress(cpp.Address, new GrpcChannelOptions { CompressRequests = true });
        var payload = ByteString.CopyFrom(new byte[200_000]);

        var response = await new EchoService.EchoServiceClient(gzipChannel).EchoAsync(
            new EchoRequest { Message = "zip", Payload = payload }, new Metadata().Add("x-compress-response", "1"), Soon);

        Assert.Equal(("zip", payload), (response.Message, response.Payload));
    }

    public void Dispose() => channel.Dispose();
}
