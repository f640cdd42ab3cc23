namespace NetworkPlatform.Grpc.Server;

/// <summary>The response messages of a server-streaming or bidi call: each write is framed and flushed to the client.</summary>
internal sealed class ResponseStreamWriter<T>(HttpServerCallContext call) : IServerStreamWriter<T>
    where T : class, Google.Protobuf.IMessage<T>
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default) =>
        call.WriteMessageAndFlushAsync(message, cancellationToken);
}
