using System.Net;
using NetworkPlatform.Grpc.Client.Wire;

namespace NetworkPlatform.Grpc.Client.Calls;

/// <summary>The body of a unary or server-streaming request: one framed message, no content-length.</summary>
internal sealed class UnaryRequestContent : HttpContent
{
    private readonly byte[] frame;

    public UnaryRequestContent(byte[] frame)
    {
        this.frame = frame;
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(frame).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(frame, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}

/// <summary>
/// The body of a client- or bidi-streaming request. HttpClient hands us the request stream when it starts
/// sending; the caller's writes go straight onto it, and completing ends the HTTP/2 stream (END_STREAM).
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent()
    {
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    public Task<Stream> GetStreamAsync() => stream.Task;

    /// <summary>Half-close: no more messages.</summary>
    public void Complete() => completed.TrySetResult();

    /// <summary>The call ended: pending and future writes fail, and an unfinished request body is reset.</summary>
    public void Abort(Exception reason)
    {
        if (stream.TrySetException(reason))
        {
            _ = stream.Task.Exception;
        }
        if (completed.TrySetException(reason))
        {
            _ = completed.Task.Exception;
        }
    }

    protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) => SerializeToStreamAsync(target, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream target, TransportContext? context, CancellationToken cancellationToken)
    {
        stream.TrySetResult(target);
        await completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
