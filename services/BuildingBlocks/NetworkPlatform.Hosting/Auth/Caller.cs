using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Errors;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>The claim names of our tokens.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Network = "network_id";
    public const string Organisation = "org_id";
    public const string Person = "person_id";
    public const string Roles = "roles";
}

/// <summary>The <see cref="Caller"/> of a call, from its authenticated token.</summary>
public static class CallerExtensions
{
    /// <summary>The authenticated caller of this call; UNAUTHENTICATED when the call carried no valid token.</summary>
    public static Caller GetCaller(this ServerCallContext context) => context.GetHttpContext().GetCaller();

    /// <summary>The authenticated caller of this request (gRPC, JSON or the dashboard); UNAUTHENTICATED without a valid token.</summary>
    public static Caller GetCaller(this HttpContext http) =>
        http.User is { Identity.IsAuthenticated: true } user
            ? FromPrincipal(user)
            : throw RpcErrors.Unauthenticated("Send a bearer token in the authorization header (make run prints ready-made ones).");

    public static Caller FromPrincipal(ClaimsPrincipal principal)
    {
        string? Find(string type) => principal.FindFirst(type)?.Value;
        var network = Find(ClaimNames.Network)
            ?? throw RpcErrors.Unauthenticated("The token has no network_id claim; ask for a token issued for your network.");
        var roles = principal.FindAll(ClaimNames.Roles).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(Find(ClaimNames.Subject) ?? "", network, Find(ClaimNames.Organisation), Find(ClaimNames.Person), roles);
    }
}
