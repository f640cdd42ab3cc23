using NetworkPlatform.Application;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.GroupLeadership;

/// <summary>
/// The persons whose personal data a group leader may see: everyone in the groups the caller leads (among the few the
/// caller is in), by the membership
/// service's copy of the groups service's participation events. Read once per request, not once per person.
/// </summary>
public static class LedGroupMembers
{
    public static async Task<PersonalDataViewer> ViewerAsync(MembershipContext context, Caller caller, string networkId,
        CancellationToken cancellationToken)
    {
        if (!caller.HasRole(Roles.GroupLeader) || caller.PersonId is null || caller.NetworkId != networkId)
        {
            return PersonalDataViewer.Of(caller);
        }
        var members = new HashSet<string>(StringComparer.Ordinal);
        var participations = MembershipCollections.GroupParticipations;
        var groupsOfCaller = await context.Store.ReadAllAsync(participations, networkId, participations.Query().Where(p => p.PersonId,
            caller.PersonId),
            cancellationToken);
        foreach (var led in groupsOfCaller.Where(p => p.Leads))
        {
            var group = await context.Store.ReadAllAsync(participations, networkId, participations.Query().Where(p => p.GroupId,
                led.GroupId), cancellationToken);
            members.UnionWith(group.Select(p => p.PersonId));
        }
        return new PersonalDataViewer(caller, members);
    }
}
