using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NetworkPlatform.Grpc.Server.Protocol;

namespace NetworkPlatform.Grpc.Server;

/// <summary>
/// One gRPC call on one HTTP/2 stream: reads length-prefixed requests from the request body, writes responses straight into
/// the response PipeWriter, and ends the call with the status in trailers (or a Trailers-Only response when nothing was sent).
/// The call ends exactly once: either when the handler is done, or at the deadline even while a handler that ignores its
/// cancellation token keeps running (as grpc-dotnet does). One atomic state serializes response writes with that ending
/// (no lock: Kestrel already takes one per call into the response, and a streamed message costs little more than that).
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext, IDisposable
{
    private const string DeadlineExceededMessage = "Deadline exceeded.";

    private readonly HttpContext http;
    private readonly GrpcServerRuntime runtime;
    private const int Idle = 0;
    private const int Writing = 1;
    private const int DeadlineWaitsForWrite = 2;
    private const int Ended = 3;

    /// <summary>Room for framing a small streamed message before handing it to Kestrel in one call.</summary>
    private const int ScratchSize = 4096;

    private int state;
    private TaskCompletionSource? deadlineEnding;
    private byte[]? scratch;
    private PipeWriter? responseBody;
    private CancellationTokenRegistration deadlineRegistration;
    private CancellationTokenSource? deadlineSource;
    private CancellationToken? requestAborted;
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

    public override CancellationToken CancellationToken => deadlineSource?.Token ?? RequestAborted;

    public override Metadata RequestHeaders => requestHeaders ??= MetadataHeaders.FromRequestHeaders(http.Request.Headers);

    public override Metadata ResponseTrailers => responseTrailers ??= [];

    public override string Peer => http.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } address => $"ipv6:[{address}]:{http.Connection.RemotePort}",
        var address => $"ipv4:{address}:{http.Connection.RemotePort}",
    };

    public override HttpContext HttpContext => http;

    /// <summary>Read once: Kestrel takes a lock (and may create a token source) on every read of HttpContext.RequestAborted.</summary>
    private CancellationToken RequestAborted => requestAborted ??= http.RequestAborted;

    /// <summary>
    /// The deadline passed. The clock decides, not only the timer: under thread-pool pressure the deadline timer can fire after
    /// a handler that ignored it has already returned, and a client resets the stream at its own copy of the deadline, which
    /// may reach us just before our timer fires. Either way the answer is too late. Before the deadline, a cancellation is the client's.
    /// </summary>
    public bool DeadlineExceeded =>
        deadlineSource is not null
        && (DateTime.UtcNow >= deadline || (deadlineSource.IsCancellationRequested && !RequestAborted.IsCancellationRequested));

    /// <summary>When the deadline ended the call (Stopwatch timestamp); 0 while it has not.</summary>
    public long EndedByDeadlineAt { get; private set; }

    /// <summary>
    /// Claims the end of the call for the handler's outcome; false when the deadline already ended it (then wait for
    /// <see cref="DeadlineEndingAsync"/> and write nothing more).
    /// </summary>
    public bool TryEnd()
    {
        // From Idle, or from Writing when the handler returned without awaiting its last write.
        var seen = Volatile.Read(ref state);
        while (seen is Idle or Writing)
        {
            var previous = Interlocked.CompareExchange(ref state, Ended, seen);
            if (previous == seen)
            {
                return true;
            }
            seen = previous;
        }
        return false;
    }

    /// <summary>Completes when the status sent at the deadline has gone out (only after <see cref="TryEnd"/> returned false).</summary>
    public Task DeadlineEndingAsync() => deadlineEnding?.Task ?? Task.CompletedTask;

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

    /// <summary>
    /// Writes the one response message of a unary or client-streaming call (not flushed: Kestrel sends it with the trailers).
    /// Dropped when the deadline already ended the call.
    /// </summary>
    public void WriteFinalMessage(IMessage message)
    {
        if (Interlocked.CompareExchange(ref state, Writing, Idle) != Idle)
        {
            return;
        }
        try
        {
            WriteFramed(ResponseBody, message, CheckedSize(message));
        }
        finally
        {
            EndWrite();
        }
    }

    /// <summary>
    /// Writes one message of a response stream and flushes it. Fails once the call has ended (cancelled, or answered at its
    /// deadline) and when the handler starts a write before the previous one completed.
    /// </summary>
    public Task WriteMessageAndFlushAsync(IMessage message, CancellationToken cancellationToken)
    {
        CancellationToken.ThrowIfCancellationRequested();
        BeginWrite();
        Task? pendingFlush;
        try
        {
            pendingFlush = WriteAndFlush(message, cancellationToken);
        }
        catch
        {
            EndWrite();
            throw;
        }
        if (pendingFlush is null)
        {
            if (deadlineSource is null)
            {
                // Still inside the handler's WriteAsync and no deadline timer exists: nothing else can change the state now.
                Volatile.Write(ref state, Idle);
            }
            else
            {
                EndWrite();
            }
            return Task.CompletedTask;
        }
        return AwaitFlushAsync(pendingFlush);
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        BeginWrite();
        try
        {
            if (responseStarted)
            {
                throw new InvalidOperationException("Response headers were already sent; write them before the first response message.");
            }
            MetadataHeaders.AppendTo(http.Response.Headers, responseHeaders);
            StartResponse();
            await http.Response.StartAsync().ConfigureAwait(false);
            await ResponseBody.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            EndWrite();
        }
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

    public void Dispose()
    {
        deadlineRegistration.Dispose();
        deadlineSource?.Dispose();
        if (scratch is not null)
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Read once: the response body writer is a feature lookup away on every read of HttpResponse.BodyWriter.</summary>
    private PipeWriter ResponseBody => responseBody ??= http.Response.BodyWriter;

    private void BeginWrite()
    {
        // Without a deadline only the handler's own writes and its end change the state, one after another: no lock prefix
        // per streamed message (it was a measurable part of one). A write after the end still sees Ended (set by a CAS).
        if (deadlineSource is null && Volatile.Read(ref state) == Idle)
        {
            Volatile.Write(ref state, Writing);
            return;
        }
        var previous = Interlocked.CompareExchange(ref state, Writing, Idle);
        if (previous == Idle)
        {
            return;
        }
        throw new InvalidOperationException(previous == Writing
            ? $"{Method} started a response write before the previous one completed; await each WriteAsync before the next."
            : $"{Method} already ended (its deadline passed and DEADLINE_EXCEEDED was sent); stop writing once context.CancellationToken is cancelled.");
    }

    /// <summary>A write is done; when the deadline fired meanwhile, it waited for this write and the call ends now.</summary>
    private void EndWrite()
    {
        if (Interlocked.CompareExchange(ref state, Idle, Writing) == DeadlineWaitsForWrite)
        {
            Volatile.Write(ref state, Ended);
            _ = EndAtDeadlineAsync();
        }
    }

    private int CheckedSize(IMessage message)
    {
        var size = message.CalculateSize();
        CheckSendSize(size);
        StartResponse();
        return size;
    }

    private void CheckSendSize(int size)
    {
        if (size > runtime.Options.MaxSendMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {runtime.Options.MaxSendMessageSize}).");
        }
    }

    /// <summary>
    /// Writes and flushes one message; null when Kestrel took it synchronously (the common case), else the pending flush.
    /// Not a ValueTask: returned through several paths, the JIT copied it via the stack with a store-to-load forwarding
    /// stall that a profile showed as a hot spot of its own; not inlined, so the caller's try/catch keeps a small frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task? WriteAndFlush(IMessage message, CancellationToken cancellationToken)
    {
        var body = ResponseBody;
        if (!responseGzip && message is ISinglePassMessage singlePass)
        {
            // Encoded in one pass behind the prefix; the size is known afterwards. A message that does not fit the scratch
            // buffer (or holds map entries or unknown fields) takes the general path below.
            scratch ??= ArrayPool<byte>.Shared.Rent(ScratchSize);
            if (singlePass.TryWriteTo(scratch.AsSpan(MessageFraming.HeaderSize), out var written))
            {
                CheckSendSize(written);
                StartResponse();
                MessageFraming.WriteHeader(scratch, compressed: false, written);
                return PendingOrNull(body.WriteAsync(scratch.AsMemory(0, MessageFraming.HeaderSize + written), cancellationToken));
            }
        }
        var size = CheckedSize(message);
        if (!responseGzip && size <= ScratchSize - MessageFraming.HeaderSize)
        {
            // Framed here, then handed to Kestrel in one WriteAsync: one lock on its stream output instead of three
            // (GetSpan, Advance, FlushAsync each take it), which is most of what a small streamed message costs.
            scratch ??= ArrayPool<byte>.Shared.Rent(ScratchSize);
            var frame = scratch.AsMemory(0, MessageFraming.HeaderSize + size);
            MessageFraming.WriteMessage(frame.Span, message);
            return PendingOrNull(body.WriteAsync(frame, cancellationToken));
        }
        WriteFramed(body, message, size);
        return PendingOrNull(body.FlushAsync(cancellationToken));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Task? PendingOrNull(ValueTask<FlushResult> flush)
    {
        if (flush.IsCompletedSuccessfully)
        {
            flush.GetAwaiter().GetResult(); // consumes the result, as a source-backed ValueTask requires
            return null;
        }
        return flush.AsTask();
    }

    private void WriteFramed(PipeWriter body, IMessage message, int size)
    {
        if (responseGzip)
        {
            MessageFraming.WriteGzipMessage(body, message);
        }
        else
        {
            MessageFraming.WriteMessage(body, message, size);
        }
    }

    private async Task AwaitFlushAsync(Task flush)
    {
        try
        {
            await flush.ConfigureAwait(false);
        }
        finally
        {
            EndWrite();
        }
    }

    /// <summary>The deadline timer fired: answer DEADLINE_EXCEEDED now, whether or not the handler is still running.</summary>
    private void OnDeadline()
    {
        if (RequestAborted.IsCancellationRequested)
        {
            return; // the client went away (which also cancels the linked source): nobody is left to answer
        }
        // Set before the state changes: whoever sees the call ended by the deadline waits on it.
        deadlineEnding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = Volatile.Read(ref state);
        while (seen is Idle or Writing)
        {
            var previous = Interlocked.CompareExchange(ref state, seen == Idle ? Ended : DeadlineWaitsForWrite, seen);
            if (previous == seen)
            {
                if (seen == Idle)
                {
                    _ = EndAtDeadlineAsync();
                }
                return; // else the write in progress ends the call when it is done (EndWrite)
            }
            seen = previous;
        }
    }

    private async Task EndAtDeadlineAsync()
    {
        EndedByDeadlineAt = Stopwatch.GetTimestamp();
        try
        {
            WriteStatus(StatusCode.DeadlineExceeded, DeadlineExceededMessage, null, null);
            await http.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Typically the client reset the stream while the status was on its way: it has its own deadline error already.
            GrpcServerRuntime.LogDeadlineStatusNotSent(runtime.Logger, Method, e);
        }
        finally
        {
            deadlineEnding!.SetResult();
        }
    }

    private void StartDeadline(TimeSpan timeout)
    {
        // Timeouts beyond what a timer can hold (about 49 days) mean "no deadline" in practice.
        if (timeout.TotalMilliseconds >= uint.MaxValue - 1)
        {
            return;
        }
        deadline = DateTime.UtcNow + timeout;
        deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(RequestAborted);
        deadlineRegistration = deadlineSource.Token.UnsafeRegister(static state => ((HttpServerCallContext)state!).OnDeadline(), this);
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
