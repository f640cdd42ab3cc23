using NetworkPlatform.Application;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Groups.Domain;

namespace NetworkPlatform.Groups.Features;

/// <summary>Who may do what: the secretariat runs the network; a group's leader runs the group; people act for themselves.</summary>
public static class Access
{
    public static void EnsureSecretariat(this Caller caller) => caller.EnsureAnyRole(Roles.Secretariat);

    public static bool IsLeaderOf(this Caller caller, Group group) =>
        caller.PersonId is { Length: > 0 } person && group.Leader?.PersonId == person;

    public static void EnsureSecretariatOrLeader(this Caller caller, Group group)
    {
        if (!caller.HasRole(Roles.Secretariat) && !caller.IsLeaderOf(group))
        {
            throw new PermissionDeniedException("LEADER_OR_SECRETARIAT_REQUIRED",
                $"Only the secretariat or the leader of group '{group.Id}' may do this; ask one of them.");
        }
    }

    /// <summary>People join and leave for themselves; the secretariat (and for leaving, the group's leader) may act for them.</summary>
    public static void EnsureSelfOrSecretariat(this Caller caller, string personId, Group? groupLedByCaller = null)
    {
        if (caller.PersonId == personId || caller.HasRole(Roles.Secretariat) || (groupLedByCaller is not null
            && caller.IsLeaderOf(groupLedByCaller)))
        {
            return;
        }
        throw new PermissionDeniedException("NOT_YOURSELF",
            $"Your token is for person '{caller.PersonId ?? "(none)"}', not '{personId}'; people join and leave groups for themselves.");
    }

    /// <summary>Contact details: the secretariat, the group's leader, the person themself and their own organisation.</summary>
    public static bool MaySeeContactDetails(this Caller caller, Group group, Participant participant) =>
        caller.HasRole(Roles.Secretariat)
        || caller.IsLeaderOf(group)
        || caller.PersonId == participant.PersonId
        || (caller.OrganisationId is { Length: > 0 } organisation && organisation == participant.OrganisationId);
}
