using Microsoft.AspNetCore.Http;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// Who a service is when it calls another outside any caller's request (event handlers, timers). Inside a call the
/// caller's token travels on instead, so the callee applies the caller's rights. The standalone host signs these with
/// its development key; distributed hosts with the service signing key (ServiceDefaults.AddServiceIdentity). Without
/// either none is registered, and such calls are refused.
/// </summary>
public sealed class ServiceIdentity(Func<string, string> authorizationForNetwork)
{
    public string AuthorizationFor(string networkId) => authorizationForNetwork(networkId);

    /// <summary>The authorization header for a call to a peer: the caller's, else this service's own, else none.</summary>
    public static string? Authorization(IHttpContextAccessor? httpContext, ServiceIdentity? identity, string networkId) =>
        httpContext?.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } callers
            ? callers
            : identity?.AuthorizationFor(networkId);
}
