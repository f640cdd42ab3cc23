using NetworkPlatform.Hosting.Auth;
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
    private const int PageSize = 500;

    public static async Task<PersonalDataViewer> ViewerAsync(MembershipContext context, Caller caller, string networkId, CancellationToken cancellationToken)
    {
        if (!caller.HasRole(Roles.GroupLeader) || caller.PersonId is null || caller.NetworkId != networkId)
        {
            return PersonalDataViewer.Of(caller);
        }
        var members = new HashSet<string>(StringComparer.Ordinal);
        var groups = MembershipCollections.GroupParticipations.Query();
        foreach (var led in (await AllAsync(context, networkId, groups.Where(p => p.PersonId, caller.PersonId),
            cancellationToken)).Where(p => p.Leads))
        {
            members.UnionWith((await AllAsync(context, networkId, groups.Where(p => p.GroupId, led.GroupId),
                cancellationToken)).Select(p => p.PersonId));
        }
        return new PersonalDataViewer(caller, members);
    }

    private static async Task<List<GroupParticipation>> AllAsync(
        MembershipContext context, string networkId, DocumentQuery<GroupParticipation> query, CancellationToken cancellationToken)
    {
        var all = new List<GroupParticipation>();
        string? token = null;
        do
        {
            var page = await context.Store.QueryAsync(MembershipCollections.GroupParticipations, networkId, query.Page(PageSize, token),
                cancellationToken);
            all.AddRange(page.Items.Select(i => i.Document));
            token = page.NextPageToken;
        }
        while (token is not null);
        return all;
    }
}
