using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using NetworkPlatform.Hosting.Errors;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>The roles a token can carry (claim "roles").</summary>
public static class Roles
{
    public const string Secretariat = "secretariat";
    public const string GroupLeader = "group-leader";
    public const string Representative = "representative";
    public const string PartnerSystem = "partner-system";
    public const string DashboardReader = "dashboard-reader";
    public const string Operator = "operator";
}

/// <summary>The claim names of our tokens.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Network = "network_id";
    public const string Organisation = "org_id";
    public const string Person = "person_id";
    public const string Roles = "roles";
}

/// <summary>Who is calling: the authenticated subject, its network (tenant), organisation, person and roles.</summary>
public sealed record Caller(string Subject, string NetworkId, string? OrganisationId, string? PersonId, IReadOnlySet<string> Roles)
{
    public bool HasRole(string role) => Roles.Contains(role);

    public bool HasAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>A caller of one network may never touch another network's data.</summary>
    public void EnsureNetwork(string networkId)
    {
        if (!string.Equals(networkId, NetworkId, StringComparison.Ordinal))
        {
            throw RpcErrors.PermissionDenied("TENANT_MISMATCH", $"Your token is for network '{NetworkId}', not '{networkId}'; ask for a token of that network.");
        }
    }

    public void EnsureAnyRole(params string[] roles)
    {
        if (!HasAnyRole(roles))
        {
            throw RpcErrors.PermissionDenied("ROLE_REQUIRED", $"This needs one of the roles {string.Join(", ", roles)}; your token has {(Roles.Count == 0 ? "none" : string.Join(", ", Roles))}.");
        }
    }

    public static Caller FromPrincipal(ClaimsPrincipal principal)
    {
        string? Find(string type) => principal.FindFirst(type)?.Value;
        var network = Find(ClaimNames.Network) ?? throw RpcErrors.Unauthenticated("The token has no network_id claim; ask for a token issued for your network.");
        var roles = principal.FindAll(ClaimNames.Roles).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(Find(ClaimNames.Subject) ?? "", network, Find(ClaimNames.Organisation), Find(ClaimNames.Person), roles);
    }
}

public static class CallerExtensions
{
    /// <summary>The authenticated caller of this call; UNAUTHENTICATED when the call carried no valid token.</summary>
    public static Caller GetCaller(this ServerCallContext context) => context.GetHttpContext().GetCaller();

    /// <summary>The authenticated caller of this request (gRPC, JSON or the dashboard); UNAUTHENTICATED without a valid token.</summary>
    public static Caller GetCaller(this HttpContext http) =>
        http.User is { Identity.IsAuthenticated: true } user
            ? Caller.FromPrincipal(user)
            : throw RpcErrors.Unauthenticated("Send a bearer token in the authorization header (make run prints ready-made ones).");
}
