using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using NetworkPlatform.Grpc.Client.Balancing;
using NetworkPlatform.Grpc.Client.Wire;

namespace NetworkPlatform.Grpc.Client.Calls;

/// <summary>
/// One call on a <see cref="GrpcChannel"/>: an HTTP/2 POST whose body carries the request messages and whose
/// response carries messages then trailers with the status. Owns the deadline timer, cancellation and retries.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : ICallState, IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(40);

    private readonly GrpcChannel channel;
    private readonly Method<TRequest, TResponse> method;
    private readonly CallOptions options;
    private readonly DateTime? deadline;
    private readonly CancellationTokenSource cancellation = new();
    private readonly TaskCompletionSource<Metadata> responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Timer? deadlineTimer;
    private readonly CancellationTokenRegistration callerCancellation;
    private RpcException? cancelReason;
    private HttpResponseMessage? response;
    private Subchannel? subchannel;
    private MessageReader? reader;
    private TResponse? pendingMessage;
    private StreamingRequestContent? requestContent;
    private Task<bool>? started;
    private Metadata? trailers;
    private RpcException? status;
    private int finished;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        this.channel = channel;
        this.method = method;
        this.options = options;
        if (options.Deadline is { } requested && requested != DateTime.MaxValue)
        {
            deadline = requested.Kind == DateTimeKind.Local ? requested.ToUniversalTime() : requested;
            var remaining = deadline.Value - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                Cancel(StatusCode.DeadlineExceeded, "The deadline had passed before the call started.");
            }
            else if (remaining < MaxTimerDelay)
            {
                deadlineTimer = new Timer(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(StatusCode.DeadlineExceeded,
                    "The deadline passed before the server answered; allow more time or make the call cheaper."), this, remaining, Timeout.InfiniteTimeSpan);
            }
        }
        if (options.CancellationToken.CanBeCanceled)
        {
            callerCancellation = options.CancellationToken.UnsafeRegister(static state =>
                ((GrpcCall<TRequest, TResponse>)state!).Cancel(StatusCode.Cancelled, "The call was cancelled by the caller."), this);
        }
    }

    public Task<Metadata> ResponseHeadersAsync => responseHeaders.Task;

    public IAsyncStreamReader<TResponse> ResponseStream => new ResponseStreamReader<TRequest, TResponse>(this);

    public IClientStreamWriter<TRequest> RequestStream => new RequestStreamWriter<TRequest, TResponse>(this);

    internal StreamingRequestContent? RequestContent => requestContent;

    private bool Retryable => method.Idempotent && channel.Options.Retry.MaxAttempts > 1;

    public Metadata GetTrailers() => Volatile.Read(ref finished) == 1
        ? trailers ?? []
        : throw new InvalidOperationException("The call has not finished: read every response (or await the response) before asking for trailers.");

    public void Dispose()
    {
        if (Volatile.Read(ref finished) == 0)
        {
            Cancel(StatusCode.Cancelled, "The call was disposed before it finished.");
            Finish(cancelReason, []);
        }
    }

    public async Task<TResponse> RunUnaryAsync(TRequest request)
    {
        try
        {
            var frame = MessageFraming.Frame(request, channel.Options.CompressRequests, channel.Options.MaxSendMessageSize);
            if (!await StartAsync(() => new UnaryRequestContent(frame), Retryable).ConfigureAwait(false))
            {
                throw Fail(new RpcException(StatusCode.Internal, "The server ended the call with OK but sent no response message.", null, trailers));
            }
            return await ReadSingleMessageAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Fail(Map(e));
        }
    }

    public void StartServerStreaming(TRequest request)
    {
        try
        {
            var frame = MessageFraming.Frame(request, channel.Options.CompressRequests, channel.Options.MaxSendMessageSize);
            started = StartAsync(() => new UnaryRequestContent(frame), Retryable && method.Type == MethodType.ServerStreaming);
        }
        catch (RpcException e)
        {
            started = Task.FromException<bool>(Fail(e));
        }
    }

    /// <summary>Client and bidi streaming: sent once (the request stream is not buffered, so never retried).</summary>
    public void StartRequestStreaming()
    {
        requestContent = new StreamingRequestContent();
        var content = requestContent;
        started = StartAsync(() => content, retryable: false);
    }

    public async Task<TResponse> ReadSingleResponseAsync()
    {
        try
        {
            if (!await started!.ConfigureAwait(false))
            {
                throw Fail(new RpcException(StatusCode.Internal, "The server ended the call with OK but sent no response message.", null, trailers));
            }
            return await ReadSingleMessageAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Fail(Map(e));
        }
    }

    /// <summary>The next response message, or null once the call ended with OK.</summary>
    public async Task<TResponse?> ReadNextAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref finished) == 1)
        {
            return status is null ? null : throw status;
        }
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(StatusCode.Cancelled, "Reading the responses was cancelled."), this)
            : default;
        try
        {
            if (!await started!.ConfigureAwait(false))
            {
                return null;
            }
            if (pendingMessage is { } first)
            {
                pendingMessage = null;
                return first;
            }
            var message = await ReadMessageAsync().ConfigureAwait(false);
            if (message is not null)
            {
                return message;
            }
            var (error, received) = ReadTrailers();
            Finish(error, received);
            return error is null ? null : throw error;
        }
        catch (Exception e)
        {
            throw Fail(Map(e));
        }
    }

    /// <summary>Writes one request message onto the streaming request body.</summary>
    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref finished) == 1)
        {
            throw (Exception?)status ?? new InvalidOperationException("The call already finished; the server takes no more requests.");
        }
        var frame = MessageFraming.Frame(message, channel.Options.CompressRequests, channel.Options.MaxSendMessageSize);
        try
        {
            var stream = await requestContent!.GetStreamAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The request body failed because the call ended (the server answered or the call was cancelled): report why.
            throw status ?? cancelReason ?? Map(e);
        }
    }

    /// <summary>
    /// Sends the request and waits for the response headers; a retryable call also waits for the first message,
    /// because once a message arrived the call is committed to that attempt. Returns false when the call ended
    /// (with OK) without messages. Retries only idempotent methods, only on UNAVAILABLE.
    /// </summary>
    private async Task<bool> StartAsync(Func<HttpContent> createContent, bool retryable)
    {
        for (var attempt = 1; ; attempt++)
        {
            RpcException error;
            try
            {
                var (headersEnded, headers) = await SendAsync(createContent()).ConfigureAwait(false);
                if (headersEnded is null)
                {
                    if (!retryable)
                    {
                        responseHeaders.TrySetResult(headers);
                        return true;
                    }
                    var first = await ReadMessageAsync().ConfigureAwait(false);
                    if (first is not null)
                    {
                        pendingMessage = first;
                        responseHeaders.TrySetResult(headers);
                        return true;
                    }
                    headersEnded = ReadTrailers();
                }
                var (ended, endTrailers) = headersEnded.Value;
                if (ended is null)
                {
                    responseHeaders.TrySetResult(headers);
                    Finish(null, endTrailers);
                    return false;
                }
                error = ended;
            }
            catch (Exception e)
            {
                error = Map(e);
            }
            var delay = retryable ? RetryDelay(error, attempt) : null;
            if (delay is null)
            {
                throw Fail(error);
            }
            EndAttempt();
            try
            {
                await Task.Delay(delay.Value, cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e)
            {
                throw Fail(Map(e));
            }
        }
    }

    /// <summary>How long to wait before the next attempt, or null when this status is final.</summary>
    private TimeSpan? RetryDelay(RpcException error, int failedAttempts)
    {
        var policy = channel.Options.Retry;
        if (error.StatusCode != StatusCode.Unavailable || failedAttempts >= policy.MaxAttempts || cancelReason is not null)
        {
            return null;
        }
        var delay = policy.Backoff(failedAttempts);
        // A server may push back: a delay to use instead, or a negative value meaning "do not retry".
        var pushback = error.Trailers.GetValue("grpc-retry-pushback-ms");
        if (pushback is not null)
        {
            if (!int.TryParse(pushback, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
            {
                return null;
            }
            delay = TimeSpan.FromMilliseconds(milliseconds);
        }
        if (deadline is { } d && DateTime.UtcNow + delay >= d)
        {
            return null;
        }
        return delay;
    }

    /// <summary>Sends the request; returns the status when the response is Trailers-Only or not gRPC at all.</summary>
    private async Task<((RpcException? Status, Metadata Trailers)? Ended, Metadata Headers)> SendAsync(HttpContent content)
    {
        cancellation.Token.ThrowIfCancellationRequested();
        var picked = await channel.Pool.PickAsync(cancellation.Token).ConfigureAwait(false);
        picked.Acquire();
        subchannel = picked;
        var request = new HttpRequestMessage(HttpMethod.Post, channel.GetMethodUri(method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", GrpcProtocol.UserAgent);
        headers.TryAddWithoutValidation("grpc-accept-encoding", GrpcProtocol.AcceptEncoding);
        if (channel.Options.CompressRequests)
        {
            headers.TryAddWithoutValidation("grpc-encoding", GrpcProtocol.Gzip);
        }
        if (deadline is { } d)
        {
            headers.TryAddWithoutValidation("grpc-timeout", GrpcProtocol.EncodeTimeout(d - DateTime.UtcNow));
        }
        if (options.Headers is { } metadata)
        {
            GrpcProtocol.WriteMetadata(metadata, headers);
        }

        HttpResponseMessage received;
        try
        {
            received = await picked.Invoker.SendAsync(request, cancellation.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            channel.Pool.ReportConnectionFailure(picked);
            throw;
        }
        Volatile.Write(ref response, received);
        if (cancelReason is not null)
        {
            // Cancelled while the headers were on their way: reset the stream now.
            received.Dispose();
            throw cancelReason;
        }
        return CheckResponseHeaders(received);
    }

    private ((RpcException? Status, Metadata Trailers)? Ended, Metadata Headers) CheckResponseHeaders(HttpResponseMessage received)
    {
        var headers = GrpcProtocol.ReadMetadata(received.Headers);
        var trailersOnly = received.Headers.NonValidated.Contains("grpc-status");
        if (received.StatusCode != HttpStatusCode.OK && !trailersOnly)
        {
            var code = GrpcProtocol.StatusFromHttp(received.StatusCode);
            return ((new RpcException(code, $"The server answered HTTP {(int)received.StatusCode} instead of a gRPC response; check the address points at a gRPC endpoint.", null, headers), headers), headers);
        }
        if (trailersOnly)
        {
            // Trailers-Only: the whole response is one HEADERS frame carrying the status.
            return ((GrpcProtocol.ReadStatus(received.Headers, headers), headers), headers);
        }
        var contentType = received.Content.Headers.NonValidated.TryGetValues("Content-Type", out var types) ? types.ToString() : "";
        if (!contentType.StartsWith(GrpcProtocol.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return ((new RpcException(StatusCode.Unknown, $"The server answered with content-type '{contentType}', not application/grpc; check the address points at a gRPC endpoint.", null, headers), headers), headers);
        }
        var encoding = received.Headers.NonValidated.TryGetValues("grpc-encoding", out var encodings) ? encodings.ToString() : null;
        reader = new MessageReader(received.Content.ReadAsStream(cancellation.Token), encoding, channel.Options.MaxReceiveMessageSize);
        return (null, headers);
    }

    private async Task<TResponse> ReadSingleMessageAsync()
    {
        var message = pendingMessage ?? await ReadMessageAsync().ConfigureAwait(false);
        pendingMessage = null;
        if (message is null)
        {
            var (error, received) = ReadTrailers();
            throw Fail(error ?? new RpcException(StatusCode.Internal, "The server ended the call with OK but sent no response message.", null, received));
        }
        if (await ReadMessageAsync().ConfigureAwait(false) is not null)
        {
            throw Fail(new RpcException(StatusCode.Internal, $"The server sent more than one response to {method.FullName}, which returns a single message."));
        }
        var (status, trailersReceived) = ReadTrailers();
        Finish(status, trailersReceived);
        return status is null ? message : throw status;
    }

    private async Task<TResponse?> ReadMessageAsync()
    {
        var bytes = await reader!.ReadAsync(cancellation.Token).ConfigureAwait(false);
        return bytes is null ? null : method.ResponseParser.ParseFrom(bytes);
    }

    private (RpcException? Status, Metadata Trailers) ReadTrailers()
    {
        var trailing = response!.TrailingHeaders;
        var metadata = GrpcProtocol.ReadMetadata(trailing);
        return (GrpcProtocol.ReadStatus(trailing, metadata), metadata);
    }

    /// <summary>Cancels the call for a reason (deadline, caller, dispose); the first reason wins. Resets the HTTP/2 stream.</summary>
    private void Cancel(StatusCode code, string message)
    {
        if (Volatile.Read(ref finished) == 1 || Interlocked.CompareExchange(ref cancelReason, new RpcException(code, message), null) is not null)
        {
            return;
        }
        cancellation.Cancel();
        // A stream nobody is reading from right now is reset by disposing its response.
        Volatile.Read(ref response)?.Dispose();
    }

    /// <summary>The status a failure stands for: the cancel reason wins over the errors cancelling caused.</summary>
    private RpcException Map(Exception e)
    {
        if (e is RpcException rpc && (ReferenceEquals(rpc, status) || cancelReason is null))
        {
            return rpc;
        }
        if (cancelReason is not null)
        {
            return cancelReason;
        }
        var protocolError = FindInner<HttpProtocolException>(e);
        if (protocolError is not null)
        {
            // HTTP/2 error codes as in grpc/doc/PROTOCOL-HTTP2.md "Errors".
            var code = protocolError.ErrorCode switch
            {
                0x7 => StatusCode.Unavailable,        // REFUSED_STREAM: not processed, safe to retry
                0x8 => StatusCode.Cancelled,          // CANCEL
                0xb => StatusCode.ResourceExhausted,  // ENHANCE_YOUR_CALM
                0xc => StatusCode.PermissionDenied,   // INADEQUATE_SECURITY
                _ => StatusCode.Internal,
            };
            return new RpcException(code, $"The HTTP/2 stream failed: {protocolError.Message}");
        }
        return e switch
        {
            HttpRequestException http => new RpcException(StatusCode.Unavailable,
                $"Could not reach {channel.Authority} for {method.FullName}: {http.Message}. Check the server is up and the address is right."),
            InvalidProtocolBufferException => new RpcException(StatusCode.Internal, $"A response message of {method.FullName} did not parse: {e.Message}"),
            IOException or ObjectDisposedException => new RpcException(StatusCode.Unavailable, $"The connection to {channel.Authority} broke during the call: {e.Message}"),
            OperationCanceledException => new RpcException(StatusCode.Cancelled, "The call was cancelled."),
            _ => new RpcException(StatusCode.Unknown, $"The call failed on the client: {e.Message}"),
        };
    }

    private RpcException Fail(RpcException error)
    {
        Finish(error, error.Trailers);
        return status ?? error;
    }

    /// <summary>Records the final status once, stops the timers and releases the HTTP/2 stream and connection pool.</summary>
    private void Finish(RpcException? error, Metadata finalTrailers)
    {
        if (Interlocked.Exchange(ref finished, 1) == 1)
        {
            return;
        }
        status = error;
        trailers = finalTrailers;
        if (error is not null && responseHeaders.TrySetException(error))
        {
            _ = responseHeaders.Task.Exception;
        }
        responseHeaders.TrySetResult([]);
        deadlineTimer?.Dispose();
        callerCancellation.Dispose();
        requestContent?.Abort((Exception?)error ?? new OperationCanceledException("The call finished."));
        EndAttempt();
    }

    private void EndAttempt()
    {
        Interlocked.Exchange(ref response, null)?.Dispose();
        Interlocked.Exchange(ref subchannel, null)?.Release();
        reader = null;
    }

    private static T? FindInner<T>(Exception e) where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }
        return null;
    }
}
