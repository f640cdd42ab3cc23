using NetworkPlatform.Application;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Peers;

namespace NetworkPlatform.Meetings.Features;

/// <summary>
/// Who may do what: everyone of the network reads (the pipeline checks the network); the secretariat runs every meeting;
/// a group's leaders (leader, deputy, secretary) run their group's meetings; people answer their own invitations.
/// </summary>
public static class Access
{
    /// <summary>The roles that may organise meetings; whether a group leader leads this group is checked once it is known.</summary>
    public static void EnsureOrganiserRole(Caller caller) => caller.EnsureAnyRole(Roles.Secretariat, Roles.GroupLeader);

    /// <summary>The secretariat, or a leader of the group (checked against the groups service).</summary>
    public static async Task EnsureOrganiserAsync(Caller caller, string networkId, string groupId, IGroupDirectory groups,
        CancellationToken cancellationToken)
    {
        if (caller.HasRole(Roles.Secretariat))
        {
            return;
        }
        EnsureOrganiserRole(caller);
        var group = await groups.GetGroupAsync(networkId, groupId, cancellationToken);
        if (!group.IsOrganiser(caller.PersonId))
        {
            throw new PermissionDeniedException("NOT_GROUP_LEADER",
                $"Only the secretariat or a leader, deputy or secretary of group '{groupId}' may change its meetings; ask one of them.");
        }
    }

    public static void EnsureSecretariat(Caller caller) => caller.EnsureAnyRole(Roles.Secretariat);

    /// <summary>
    /// An addressee's e-mail address, as the groups service shows a participant's: to the secretariat, the organisers of the
    /// meeting's group (as invited), the person themself and their own organisation. The secretariat's and the group's contact
    /// addresses are public.
    /// </summary>
    public static bool MaySeeContactOf(Caller caller, Meeting meeting, Recipient recipient) =>
        recipient.Kind != RecipientKind.Participant
        || caller.HasRole(Roles.Secretariat)
        || (caller.PersonId is { Length: > 0 } person && (person == recipient.PersonId
            || meeting.Invitations.Any(i => i.Recipient.Organiser && i.Recipient.PersonId == person)))
        || (caller.OrganisationId is { Length: > 0 } organisation && organisation == recipient.OrganisationId);

    public static void EnsureSelfOrSecretariat(Caller caller, string personId)
    {
        if (!caller.HasRole(Roles.Secretariat) && caller.PersonId != personId)
        {
            throw new PermissionDeniedException("NOT_YOUR_INVITATION",
                $"You can answer only your own invitation (person '{caller.PersonId}'), not person '{personId}''s.");
        }
    }
}
