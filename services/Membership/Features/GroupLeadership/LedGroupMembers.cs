using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.GroupLeadership;

/// <summary>
/// The persons whose personal data a group leader may see: everyone in the groups the caller leads, by the membership
/// service's copy of the groups service's participation events. Read once per request, not once per person.
/// </summary>
public static class LedGroupMembers
{
    private const int PageSize = 500;

    public static async Task<PersonalDataViewer> ViewerAsync(IDocumentStore store, Caller caller, string networkId, CancellationToken cancellationToken)
    {
        if (!caller.HasRole(Roles.GroupLeader) || caller.PersonId is null || caller.NetworkId != networkId)
        {
            return PersonalDataViewer.Of(caller);
        }
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var led in await AllAsync(store, networkId, new IndexFilter("leader", caller.PersonId), cancellationToken))
        {
            members.UnionWith((await AllAsync(store, networkId, new IndexFilter("group", led.GroupId), cancellationToken)).Select(p => p.PersonId));
        }
        return new PersonalDataViewer(caller, members);
    }

    private static async Task<List<GroupParticipation>> AllAsync(IDocumentStore store, string networkId, IndexFilter filter, CancellationToken cancellationToken)
    {
        var all = new List<GroupParticipation>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(MembershipCollections.GroupParticipations, networkId, new DocumentQuery([filter], PageSize, token), cancellationToken);
            all.AddRange(page.Items.Select(i => i.Document));
            token = page.NextPageToken;
        }
        while (token is not null);
        return all;
    }
}
