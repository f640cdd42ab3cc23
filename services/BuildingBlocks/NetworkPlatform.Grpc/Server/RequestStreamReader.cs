namespace NetworkPlatform.Grpc.Server;

/// <summary>The request messages of a client-streaming or bidi call, read one at a time from the request body.</summary>
internal sealed class RequestStreamReader<T>(HttpServerCallContext call, Google.Protobuf.MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : class, Google.Protobuf.IMessage<T>
{
    private T? current;
    private bool ended;

    public T Current => current ?? throw new InvalidOperationException("Call MoveNext and check it returned true before reading Current.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        if (ended)
        {
            return false;
        }
        if (cancellationToken.CanBeCanceled && cancellationToken != call.CancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CancellationToken);
            current = await call.ReadNextMessageAsync(parser, linked.Token).ConfigureAwait(false);
        }
        else
        {
            current = await call.ReadNextMessageAsync(parser, call.CancellationToken).ConfigureAwait(false);
        }
        ended = current is null;
        return !ended;
    }
}
