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

    /// <summary>Runs once the final status is known, just before it is sent. Runs for every call, also those that failed before starting.</summary>
    public virtual void OnCallCompleted(ServerCallContext context, CallOutcome outcome)
    {
    }
}

/// <summary>How a call ended: its status, the exception behind a failure (null on success) and how long it took.</summary>
public readonly record struct CallOutcome(StatusCode StatusCode, string? Detail, Exception? Exception, TimeSpan Duration);
