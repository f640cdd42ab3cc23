using Google.Protobuf;

namespace NetworkPlatform.Grpc;

/// <summary>
/// Cross-cutting behaviour around every call (authentication, validation, logging, metrics). Registered once with
/// <c>AddGrpcServer(o =&gt; o.AddInterceptor&lt;T&gt;())</c>, created once from DI, and run in registration order.
/// </summary>
public abstract class ServerInterceptor
{
    /// <summary>
    /// Runs before the handler. <paramref name="request"/> is the request message of unary and server-streaming calls
    /// (null for client-streaming and bidi calls, whose messages arrive later). Set <c>context.User</c> here to authenticate;
    /// throw an <see cref="RpcException"/> to end the call with that status without running the handler.
    /// </summary>
    public virtual ValueTask OnCallStartingAsync(ServerCallContext context, IMessage? request) => ValueTask.CompletedTask;

    /// <summary>
    /// Runs once for every call that reaches the gRPC server, once its status is known: just before the status is sent, or,
    /// when the deadline answered the client while the handler ran on, once the handler returns. Also runs for calls refused
    /// before routing (<see cref="CallOutcome.Refused"/>: unknown service or method, non-gRPC content-type), for which
    /// <see cref="OnCallStartingAsync"/> never ran.
    /// </summary>
    public virtual void OnCallCompleted(ServerCallContext context, CallOutcome outcome)
    {
    }
}

/// <summary>How a call ended: its status, the exception behind a failure (null on success) and how long it took until its status was sent.</summary>
public readonly record struct CallOutcome(StatusCode StatusCode, string? Detail, Exception? Exception, TimeSpan Duration)
{
    /// <summary>
    /// The call was refused before reaching a handler: no service or method matched its path, or its content-type was not gRPC.
    /// Its method path is whatever the client sent, so keep it out of metric dimensions (log it instead).
    /// </summary>
    public bool Refused { get; init; }

    /// <summary>
    /// The HTTP status sent: 200 for every call answered with a gRPC status. Otherwise the call was refused with a plain HTTP
    /// error (415 for a non-gRPC content-type), and <see cref="StatusCode"/> is what gRPC clients make of it (UNKNOWN).
    /// </summary>
    public int HttpStatusCode { get; init; } = 200;
}
