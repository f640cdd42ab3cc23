using NetworkPlatform.Application;
using NetworkPlatform.Application.Failures;

namespace NetworkPlatform.Membership.Features;

/// <summary>
/// The membership service's authorisation rules (the pipeline checks the tenant, the token's network, first).
/// The secretariat manages memberships; an organisation (its representatives, or its partner system with org_id)
/// manages only its own persons and representatives.
/// </summary>
public static class Authorisation
{
    public static void EnsureSecretariat(Caller caller) => caller.EnsureAnyRole(Roles.Secretariat);

    public static bool ActsForOrganisation(Caller caller, string organisationId) =>
        caller.OrganisationId == organisationId && caller.HasAnyRole(Roles.Representative, Roles.PartnerSystem);

    /// <summary>The secretariat, or the organisation itself.</summary>
    public static void EnsureSecretariatOrOrganisation(Caller caller, string organisationId)
    {
        if (caller.HasRole(Roles.Secretariat) || ActsForOrganisation(caller, organisationId))
        {
            return;
        }
        throw caller.OrganisationId is null || !caller.HasAnyRole(Roles.Representative, Roles.PartnerSystem)
            ? new PermissionDeniedException("ROLE_REQUIRED",
                $"This needs the secretariat, or a representative or partner system of organisation '{organisationId}'.")
            : new PermissionDeniedException("OTHER_ORGANISATION",
                $"Your token acts for organisation '{caller.OrganisationId}'; "
                + "an organisation manages only its own persons and representatives.");
    }
}
