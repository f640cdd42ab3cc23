namespace NetworkPlatform.Grpc;

/// <summary>
/// A call ended with a non-OK status. Thrown by handlers to answer with that status, and by clients
/// when a peer answered with one. <see cref="Details"/> is the google.rpc.Status sent in grpc-status-details-bin.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(StatusCode statusCode, string detail, Google.Rpc.Status? details = null, Metadata? trailers = null)
        : base($"Status({statusCode}, \"{detail}\")")
    {
        StatusCode = statusCode;
        Detail = detail;
        Details = details;
        Trailers = trailers ?? [];
    }

    public StatusCode StatusCode { get; }

    /// <summary>The human-readable message (grpc-message).</summary>
    public string Detail { get; }

    /// <summary>Rich error details (google.rpc.Status), when the server sent them.</summary>
    public Google.Rpc.Status? Details { get; }

    public Metadata Trailers { get; }

    /// <summary>The first detail of type T, e.g. BadRequest or ErrorInfo.</summary>
    public T? GetDetail<T>() where T : class, Google.Protobuf.IMessage<T>, new()
    {
        if (Details is null)
        {
            return null;
        }
        foreach (var any in Details.Details)
        {
            if (any.TryUnpack<T>(out var detail))
            {
                return detail;
            }
        }
        return null;
    }
}
