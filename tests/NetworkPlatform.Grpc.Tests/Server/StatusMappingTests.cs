using System.Buffers;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Grpc.Server;
using NetworkPlatform.Grpc.Server.Protocol;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Server;

/// <summary>How a handler's result or exception becomes the status on the wire (one call run on an in-memory HttpContext).</summary>
public class StatusMappingTests
{
    private static Task<HttpContext> CallAsync(UnaryServerMethod<EchoRequest, EchoResponse> handler, string? timeout = null, int maxSend = GrpcServerOptions.DefaultMaxMessageSize) =>
        RunAsync(new ServerMethodDefinition<EchoRequest, EchoResponse>(EchoService.Methods.Echo, handler), timeout, maxSend);

    private static Task<HttpContext> StreamAsync(ServerStreamingServerMethod<EchoRequest, EchoResponse> handler, int maxSend = GrpcServerOptions.DefaultMaxMessageSize) =>
        RunAsync(new ServerMethodDefinition<EchoRequest, EchoResponse>(EchoService.Methods.EchoStream, handler), null, maxSend);

    private static async Task<HttpContext> RunAsync(ServerMethodDefinition definition, string? timeout, int maxSend)
    {
        var runtime = new GrpcServerRuntime(Options.Create(new GrpcServerOptions { MaxSendMessageSize = maxSend }),
            new ServiceCollection().BuildServiceProvider(), NullLogger<GrpcServerRuntime>.Instance);
        var request = new ArrayBufferWriter<byte>();
        var message = new EchoRequest { Message = "hi" };
        MessageFraming.WriteMessage(request, message, message.CalculateSize());

        var http = new DefaultHttpContext();
        http.Features.Set<IHttpResponseTrailersFeature>(new TrailersFeature());
        http.Request.Method = "POST";
        http.Request.ContentType = "application/grpc";
        http.Request.Body = new MemoryStream(request.WrittenSpan.ToArray());
        if (timeout is not null)
        {
            http.Request.Headers["grpc-timeout"] = timeout;
        }
        http.Response.Body = new MemoryStream();
        await definition.CreateHandler(runtime).HandleAsync(http);
        await http.Response.BodyWriter.FlushAsync();
        return http;
    }

    private static IHeaderDictionary Trailers(HttpContext http) => http.Features.Get<IHttpResponseTrailersFeature>()!.Trailers;

    [Fact]
    public async Task a_successful_call_sends_the_framed_response_and_status_ok_in_trailers()
    {
        var http = await CallAsync((request, _) => Task.FromResult(new EchoResponse { Message = request.Message + "!" }));

        Assert.Equal("application/grpc", http.Response.ContentType);
        Assert.Equal("0", Trailers(http)["grpc-status"]);
        var body = new ReadOnlySequence<byte>(((MemoryStream)http.Response.Body).ToArray());
        Assert.True(MessageFraming.TryReadMessage(ref body, 1024, out _, out var payload));
        Assert.Equal("hi!", EchoResponse.Parser.ParseFrom(payload).Message);
    }

    [Fact]
    public async Task an_rpc_exception_becomes_a_trailers_only_response_with_its_code_message_and_details()
    {
        var http = await CallAsync((_, _) => throw RpcErrors.NotFound("Meeting", "meetings/ä1"));

        var headers = http.Response.Headers;
        Assert.Equal("5", headers["grpc-status"]);
        Assert.Equal("Meeting 'meetings/ä1' does not exist; check the name, or list them to find it.", HeaderEncoding.PercentDecode(headers["grpc-message"]!));
        Assert.Empty(Trailers(http));
        Assert.True(HeaderEncoding.TryFromBase64(headers["grpc-status-details-bin"]!, out var detailsBytes));
        var details = Google.Rpc.Status.Parser.ParseFrom(detailsBytes);
        Assert.Equal(5, details.Code);
        Assert.True(details.Details[0].TryUnpack<Google.Rpc.ErrorInfo>(out var info));
        Assert.Equal("NOT_FOUND", info.Reason);
    }

    [Fact]
    public async Task an_unhandled_exception_becomes_internal_with_a_generic_message()
    {
        var http = await CallAsync((_, _) => throw new InvalidOperationException("connection string with a password"));

        Assert.Equal("13", http.Response.Headers["grpc-status"]);
        Assert.Equal("Exception was thrown by handler.", http.Response.Headers["grpc-message"]);
        Assert.False(http.Response.Headers.ContainsKey("grpc-status-details-bin"));
    }

    [Fact]
    public async Task a_handler_cancelled_by_the_deadline_ends_with_deadline_exceeded()
    {
        var http = await CallAsync(async (_, context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.CancellationToken);
            return new EchoResponse();
        }, timeout: "50m");

        Assert.Equal("4", http.Response.Headers["grpc-status"]);
    }

    [Fact]
    public async Task a_handler_that_ignores_the_deadline_still_ends_with_deadline_exceeded_and_no_message()
    {
        var http = await CallAsync(async (_, _) =>
        {
            await Task.Delay(200);
            return new EchoResponse { Message = "too late" };
        }, timeout: "20m");

        Assert.Equal("4", http.Response.Headers["grpc-status"]);
        Assert.Equal(0, http.Response.Body.Length);
    }

    [Fact]
    public async Task a_response_above_the_send_limit_is_resource_exhausted()
    {
        var http = await CallAsync((_, _) => Task.FromResult(new EchoResponse { Message = new string('x', 100) }), maxSend: 50);

        Assert.Equal("8", http.Response.Headers["grpc-status"]);
    }

    [Fact]
    public async Task streamed_messages_are_framed_whichever_writer_encodes_them_and_one_above_the_send_limit_is_resource_exhausted()
    {
        var http = await StreamAsync(async (_, stream, _) =>
        {
            var response = new EchoResponse { Message = "one", Index = 1 };
            await stream.WriteAsync(response); // encoded in one pass
            response.Metadata["k"] = "v";
            await stream.WriteAsync(response); // map entries: Google.Protobuf's writer
            await stream.WriteAsync(new EchoResponse { Message = new string('x', 100) });
        }, maxSend: 50);

        Assert.Equal("8", Trailers(http)["grpc-status"]);
        Assert.Equal("Sending message larger than max (102 vs. 50).", HeaderEncoding.PercentDecode(Trailers(http)["grpc-message"]!));
        var body = new ReadOnlySequence<byte>(((MemoryStream)http.Response.Body).ToArray());
        Assert.True(MessageFraming.TryReadMessage(ref body, 1024, out _, out var first));
        Assert.Equal(new EchoResponse { Message = "one", Index = 1 }, EchoResponse.Parser.ParseFrom(first));
        Assert.True(MessageFraming.TryReadMessage(ref body, 1024, out _, out var second));
        Assert.Equal("v", EchoResponse.Parser.ParseFrom(second).Metadata["k"]);
        Assert.True(body.IsEmpty);
    }

    [Fact]
    public async Task a_deadline_set_from_grpc_timeout_is_visible_to_the_handler()
    {
        DateTime seen = default;
        await CallAsync((_, context) =>
        {
            seen = context.Deadline;
            return Task.FromResult(new EchoResponse());
        }, timeout: "5S");

        Assert.InRange(seen, DateTime.UtcNow.AddSeconds(3), DateTime.UtcNow.AddSeconds(6));
    }

    private sealed class TrailersFeature : IHttpResponseTrailersFeature
    {
        public IHeaderDictionary Trailers { get; set; } = new HeaderDictionary();
    }
}
