using Google.Protobuf;

namespace NetworkPlatform.Grpc.Client.Calls;

internal sealed class ResponseStreamReader<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private TResponse? current;

    public TResponse Current => current ?? throw new InvalidOperationException("No current message: call MoveNext first and check it returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        current = await call.ReadNextAsync(cancellationToken).ConfigureAwait(false);
        return current is not null;
    }
}

internal sealed class RequestStreamWriter<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call) : IClientStreamWriter<TRequest>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private int writing;
    private bool completed;

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (completed)
        {
            throw new InvalidOperationException("The request stream was completed; no more messages can be written.");
        }
        if (Interlocked.Exchange(ref writing, 1) == 1)
        {
            throw new InvalidOperationException("A write is already in progress; await each WriteAsync before the next.");
        }
        try
        {
            await call.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref writing, 0);
        }
    }

    public Task CompleteAsync()
    {
        completed = true;
        call.RequestContent!.Complete();
        return Task.CompletedTask;
    }
}
