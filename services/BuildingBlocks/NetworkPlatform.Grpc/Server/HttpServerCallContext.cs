using System.Buffers;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NetworkPlatform.Grpc.Server.Protocol;

namespace NetworkPlatform.Grpc.Server;

/// <summary>
/// One gRPC call on one HTTP/2 stream: reads length-prefixed requests from the request body, writes responses straight into
/// the response PipeWriter, and ends the call with the status in trailers (or a Trailers-Only response when nothing was sent).
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly HttpContext http;
    private readonly GrpcServerRuntime runtime;
    private CancellationTokenSource? deadlineSource;
    private DateTime deadline = DateTime.MaxValue;
    private Metadata? requestHeaders;
    private Metadata? responseTrailers;
    private bool requestGzip;
    private bool responseGzip;
    private bool responseStarted;

    public HttpServerCallContext(HttpContext http, string method, GrpcServerRuntime runtime)
    {
        this.http = http;
        this.runtime = runtime;
        Method = method;
    }

    public override string Method { get; }

    public override DateTime Deadline => deadline;

    public override CancellationToken CancellationToken => deadlineSource?.Token ?? http.RequestAborted;

    public override Metadata RequestHeaders => requestHeaders ??= MetadataHeaders.FromRequestHeaders(http.Request.Headers);

    public override Metadata ResponseTrailers => responseTrailers ??= [];

    public override string Peer => http.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } address => $"ipv6:[{address}]:{http.Connection.RemotePort}",
        var address => $"ipv4:{address}:{http.Connection.RemotePort}",
    };

    public override HttpContext HttpContext => http;

    /// <summary>
    /// The deadline passed (as opposed to the client going away). The clock is read too: under thread-pool pressure the
    /// deadline timer can fire after a handler that ignored it has already returned, and that answer is still too late.
    /// </summary>
    public bool DeadlineExceeded =>
        deadlineSource is not null && !http.RequestAborted.IsCancellationRequested
        && (deadlineSource.IsCancellationRequested || DateTime.UtcNow >= deadline);

    /// <summary>Reads grpc-timeout and grpc-encoding; throws the status to answer with when they are unusable.</summary>
    public void Initialize()
    {
        var headers = http.Request.Headers;
        // The typed gRPC header properties are fields in Kestrel: no string lookup on the hot path.
        var timeoutHeader = headers.GrpcTimeout;
        if (timeoutHeader.Count > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader.ToString(), out var timeout))
            {
                throw new RpcException(StatusCode.Internal, $"Malformed grpc-timeout '{timeoutHeader}': send 1 to 8 digits followed by H, M, S, m, u or n.");
            }
            StartDeadline(timeout);
        }
        var encoding = headers.GrpcEncoding;
        if (encoding.Count > 0)
        {
            var name = encoding.ToString();
            if (name == GrpcProtocol.Gzip)
            {
                requestGzip = true;
                responseGzip = true;
            }
            else if (name != GrpcProtocol.Identity)
            {
                http.Response.Headers.GrpcAcceptEncoding = GrpcProtocol.SupportedEncodings;
                throw new RpcException(StatusCode.Unimplemented, $"Message compression '{name}' is not supported; use one of: {GrpcProtocol.SupportedEncodings}.");
            }
        }
        if (!responseGzip && runtime.Options.CompressResponses)
        {
            var accepted = headers.GrpcAcceptEncoding.ToString();
            responseGzip = accepted.Contains(GrpcProtocol.Gzip, StringComparison.Ordinal);
        }
    }

    /// <summary>Reads the one request message of a unary or server-streaming call, and checks the client then ended its stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<T> ReadSingleMessageAsync<T>(MessageParser<T> parser) where T : class, IMessage<T>
    {
        var reader = http.Request.BodyReader;
        var token = deadlineSource?.Token ?? default;
        T? message = default;
        while (true)
        {
            var result = await reader.ReadAsync(token).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (message is null && MessageFraming.TryReadMessage(ref buffer, runtime.Options.MaxReceiveMessageSize, out var compressed, out var payload))
            {
                message = Parse(parser, payload, compressed);
            }
            if (message is not null && !buffer.IsEmpty)
            {
                reader.AdvanceTo(buffer.End);
                throw new RpcException(StatusCode.Internal, $"{Method} takes exactly one request message, and the client sent more.");
            }
            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return message ?? throw new RpcException(StatusCode.Internal, buffer.IsEmpty
                    ? $"The request stream ended without a message; {Method} takes exactly one."
                    : $"The request stream ended inside a message ({buffer.Length} bytes of a length-prefixed message arrived).");
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads the next message of a client-streaming or bidi call; null at the end of the request stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<T?> ReadNextMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken) where T : class, IMessage<T>
    {
        var reader = http.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (MessageFraming.TryReadMessage(ref buffer, runtime.Options.MaxReceiveMessageSize, out var compressed, out var payload))
            {
                var message = Parse(parser, payload, compressed);
                reader.AdvanceTo(buffer.Start);
                return message;
            }
            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return buffer.IsEmpty ? null : throw new RpcException(StatusCode.Internal,
                    $"The request stream ended inside a message ({buffer.Length} bytes of a length-prefixed message arrived).");
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Writes one response message into the response body (not flushed: Kestrel sends it with the trailers, or on flush).</summary>
    public void WriteMessage(IMessage message)
    {
        var size = message.CalculateSize();
        if (size > runtime.Options.MaxSendMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {runtime.Options.MaxSendMessageSize}).");
        }
        StartResponse();
        if (responseGzip)
        {
            MessageFraming.WriteGzipMessage(http.Response.BodyWriter, message);
        }
        else
        {
            MessageFraming.WriteMessage(http.Response.BodyWriter, message, size);
        }
    }

    public async Task WriteMessageAndFlushAsync(IMessage message, CancellationToken cancellationToken)
    {
        CancellationToken.ThrowIfCancellationRequested();
        WriteMessage(message);
        await http.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        if (responseStarted)
        {
            throw new InvalidOperationException("Response headers were already sent; write them before the first response message.");
        }
        MetadataHeaders.AppendTo(http.Response.Headers, responseHeaders);
        StartResponse();
        await http.Response.StartAsync().ConfigureAwait(false);
        await http.Response.BodyWriter.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Ends the call: the status in trailers, or in the response headers (Trailers-Only) when nothing was sent yet.</summary>
    public void WriteStatus(StatusCode code, string? message, Google.Rpc.Status? details, Metadata? exceptionTrailers)
    {
        IHeaderDictionary target;
        if (responseStarted)
        {
            target = http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers
                ?? throw new InvalidOperationException("This connection cannot carry trailers: gRPC needs HTTP/2.");
        }
        else
        {
            target = http.Response.Headers;
            http.Response.ContentType = GrpcProtocol.ContentType;
        }
        target.GrpcStatus = GrpcProtocol.StatusCodeString(code);
        if (!string.IsNullOrEmpty(message))
        {
            target.GrpcMessage = HeaderEncoding.PercentEncode(message);
        }
        if (details is not null)
        {
            target[GrpcProtocol.StatusDetailsHeader] = HeaderEncoding.ToUnpaddedBase64(details.ToByteArray());
        }
        if (responseTrailers is { Count: > 0 })
        {
            MetadataHeaders.AppendTo(target, responseTrailers);
        }
        if (exceptionTrailers is { Count: > 0 })
        {
            MetadataHeaders.AppendTo(target, exceptionTrailers);
        }
    }

    public void Dispose() => deadlineSource?.Dispose();

    private void StartDeadline(TimeSpan timeout)
    {
        // Timeouts beyond what a timer can hold (about 49 days) mean "no deadline" in practice.
        if (timeout.TotalMilliseconds >= uint.MaxValue - 1)
        {
            return;
        }
        deadline = DateTime.UtcNow + timeout;
        deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadlineSource.CancelAfter(timeout);
    }

    private void StartResponse()
    {
        if (responseStarted)
        {
            return;
        }
        responseStarted = true;
        var response = http.Response;
        response.ContentType = GrpcProtocol.ContentType;
        if (responseGzip)
        {
            response.Headers.GrpcEncoding = GrpcProtocol.Gzip;
            response.Headers.GrpcAcceptEncoding = GrpcProtocol.SupportedEncodings;
        }
    }

    private T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed) where T : IMessage<T>
    {
        try
        {
            if (!compressed)
            {
                return parser.ParseFrom(payload);
            }
            if (!requestGzip)
            {
                throw new RpcException(StatusCode.Internal, "A request message has the compressed flag set, but the request has no grpc-encoding header naming its compression.");
            }
            return parser.ParseFrom(MessageFraming.Gunzip(payload, runtime.Options.MaxReceiveMessageSize));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(StatusCode.Internal, $"The request message is not a valid {typeof(T).Name} protobuf message: {e.Message}");
        }
    }
}
