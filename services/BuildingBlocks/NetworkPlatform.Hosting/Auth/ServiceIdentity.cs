using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// Who a service is when it calls another outside any caller's request (event handlers, timers): its own client at the
/// issuer (<see cref="ServiceTokens"/>). Inside a call the caller's token travels on instead, so the callee applies the
/// caller's rights. Without a client (Auth__ClientId) none is registered, and such calls are refused by the peer.
/// </summary>
public sealed class ServiceIdentity(Func<string, CancellationToken, ValueTask<string>> tokenForNetwork)
{
    public async ValueTask<string> AuthorizationForAsync(string networkId, CancellationToken cancellationToken) =>
        "Bearer " + await tokenForNetwork(networkId, cancellationToken);

    /// <summary>
    /// The credentials of a call to a peer: the caller's authorization header when a request is in flight, else this service's
    /// own token for <paramref name="networkId"/> (fetched when the call starts), else none.
    /// </summary>
    public static (Metadata Headers, CallCredentials? Credentials) For(IHttpContextAccessor? httpContext, ServiceIdentity? identity,
        string networkId)
    {
        if (httpContext?.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } callers)
        {
            return ([new("authorization", callers)], null);
        }
        return ([], identity is null
            ? null
            : CallCredentials.FromInterceptor(async (context, metadata) =>
                metadata.Add("authorization", await identity.AuthorizationForAsync(networkId, context.CancellationToken))));
    }
}
