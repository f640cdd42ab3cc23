using NetworkPlatform.Application.Failures;

namespace NetworkPlatform.Application;

/// <summary>The roles a caller can hold in a network.</summary>
public static class Roles
{
    public const string Secretariat = "secretariat";
    public const string GroupLeader = "group-leader";
    public const string Representative = "representative";
    public const string PartnerSystem = "partner-system";
    public const string DashboardReader = "dashboard-reader";
    public const string Operator = "operator";
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
            throw new PermissionDeniedException("TENANT_MISMATCH",
                $"Your token is for network '{NetworkId}', not {Validation.Violations.Quote(networkId)}; ask for a token of that network.");
        }
    }

    public void EnsureAnyRole(params string[] roles)
    {
        if (!HasAnyRole(roles))
        {
            throw new PermissionDeniedException("ROLE_REQUIRED",
                $"This needs one of the roles {string.Join(", ", roles)}; "
                + $"your token has {(Roles.Count == 0 ? "none" : string.Join(", ", Roles))}.");
        }
    }
}
