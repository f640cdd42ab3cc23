using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Peers;

namespace NetworkPlatform.Meetings.Features;

/// <summary>
/// Who may do what: everyone of the network reads; the secretariat runs every meeting; a group's leaders (leader,
/// deputy, secretary) run their group's meetings; people answer their own invitations.
/// </summary>
public static class Access
{
    public static void EnsureReader(Caller caller, string networkId) => caller.EnsureNetwork(networkId);

    public static void EnsureSecretariat(Caller caller, string networkId)
    {
        caller.EnsureNetwork(networkId);
        caller.EnsureAnyRole(Roles.Secretariat);
    }

    /// <summary>The secretariat, or a leader of the group (checked against the groups service).</summary>
    public static async Task EnsureOrganiserAsync(Caller caller, string networkId, string groupId, IGroupDirectory groups, CancellationToken cancellationToken)
    {
        caller.EnsureNetwork(networkId);
        if (caller.HasRole(Roles.Secretariat))
        {
            return;
        }
        caller.EnsureAnyRole(Roles.Secretariat, Roles.GroupLeader);
        var group = await groups.GetGroupAsync(networkId, groupId, cancellationToken);
        if (!group.IsOrganiser(caller.PersonId))
        {
            throw RpcErrors.PermissionDenied("NOT_GROUP_LEADER",
                $"Only the secretariat or a leader, deputy or secretary of group '{groupId}' may change its meetings; ask one of them.");
        }
    }

    public static void EnsureSelfOrSecretariat(Caller caller, string networkId, string personId)
    {
        caller.EnsureNetwork(networkId);
        if (!caller.HasRole(Roles.Secretariat) && caller.PersonId != personId)
        {
            throw RpcErrors.PermissionDenied("NOT_YOUR_INVITATION", $"You can answer only your own invitation (person '{caller.PersonId}'), not person '{personId}''s.");
        }
    }
}
