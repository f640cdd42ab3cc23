using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;

namespace NetworkPlatform.Membership.Features;

/// <summary>
/// The membership service's authorisation rules. Every call first checks the tenant (the token's network).
/// The secretariat manages memberships; an organisation (its representatives, or its partner system with org_id)
/// manages only its own persons and representatives.
/// </summary>
public static class Authorisation
{
    /// <summary>Any authenticated caller of the network may read.</summary>
    public static void EnsureReader(Caller caller, string networkId) => caller.EnsureNetwork(networkId);

    public static void EnsureSecretariat(Caller caller, string networkId)
    {
        caller.EnsureNetwork(networkId);
        caller.EnsureAnyRole(Roles.Secretariat);
    }

    public static bool ActsForOrganisation(Caller caller, string organisationId) =>
        caller.OrganisationId == organisationId && caller.HasAnyRole(Roles.Representative, Roles.PartnerSystem);

    /// <summary>The secretariat, or the organisation itself.</summary>
    public static void EnsureSecretariatOrOrganisation(Caller caller, string networkId, string organisationId)
    {
        caller.EnsureNetwork(networkId);
        EnsureSecretariatOrOrganisation(caller, organisationId);
    }

    /// <summary>The secretariat, or the organisation itself (the tenant is checked by the pipeline).</summary>
    public static void EnsureSecretariatOrOrganisation(Caller caller, string organisationId)
    {
        if (caller.HasRole(Roles.Secretariat) || ActsForOrganisation(caller, organisationId))
        {
            return;
        }
        throw caller.OrganisationId is null || !caller.HasAnyRole(Roles.Representative, Roles.PartnerSystem)
            ? new PermissionDeniedException("ROLE_REQUIRED", $"This needs the secretariat, or a representative or partner system of organisation '{organisationId}'.")
            : new PermissionDeniedException("OTHER_ORGANISATION", $"Your token acts for organisation '{caller.OrganisationId}'; an organisation manages only its own persons and representatives.");
    }
}
