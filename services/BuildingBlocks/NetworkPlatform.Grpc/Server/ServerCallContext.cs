using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace NetworkPlatform.Grpc;

/// <summary>What a handler knows about the call it serves.</summary>
public abstract class ServerCallContext
{
    /// <summary>The full method path, e.g. /networkplatform.membership.v1.MembershipService/GetNetwork.</summary>
    public abstract string Method { get; }

    /// <summary>The deadline from grpc-timeout, or DateTime.MaxValue when the client set none (UTC).</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>Cancelled when the client cancels, the deadline passes or the server shuts down.</summary>
    public abstract CancellationToken CancellationToken { get; }

    public abstract Metadata RequestHeaders { get; }

    /// <summary>Trailers sent with the status when the call ends.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The caller's address, e.g. ipv4:127.0.0.1:50412.</summary>
    public abstract string Peer { get; }

    public abstract HttpContext HttpContext { get; }

    /// <summary>The authenticated caller, set by the authentication interceptor.</summary>
    public ClaimsPrincipal? User { get; set; }

    private Dictionary<object, object?>? userState;

    /// <summary>Per-call state for interceptors (created on first use: most calls never need it).</summary>
    public IDictionary<object, object?> UserState => userState ??= [];

    /// <summary>Sends response headers now (otherwise they go with the first message or the status).</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
