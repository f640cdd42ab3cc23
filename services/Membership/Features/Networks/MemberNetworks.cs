using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Networks;

/// <summary>
/// Persons and organisations of a network's member networks resolve in it: a read that misses in the network looks in the
/// networks that are its members (their membership active), so the parent's secretariat does not register them twice.
/// The document keeps its own network (the person's home network).
/// </summary>
public static class MemberNetworks
{
    /// <summary>The networks that are active members of <paramref name="networkId"/>, with their organisation in it.</summary>
    public static async Task<IReadOnlyList<NetworkRelation>> ActiveAsync(IDocumentStore store, string networkId, CancellationToken ct)
    {
        var relations = MembershipCollections.NetworkRelations;
        var children = await store.ReadAllAsync(relations, networkId, relations.Query().Where(r => r.ParentNetworkId, networkId), ct);
        var active = new List<NetworkRelation>();
        foreach (var relation in children)
        {
            var organisation = await store.GetAsync(MembershipCollections.Organisations, networkId, relation.OrganisationId, ct);
            if (organisation?.Document.Membership.State == MembershipState.Active)
            {
                active.Add(relation);
            }
        }
        return active;
    }

    /// <summary>The document in the network, else in the first of its active member networks that has it; null when none has.</summary>
    public static async Task<Versioned<T>?> FindAsync<T>(IDocumentStore store, DocumentCollection<T> collection, string networkId,
        string id, CancellationToken ct) where T : class
    {
        if (await store.GetAsync(collection, networkId, id, ct) is { } own)
        {
            return own;
        }
        foreach (var relation in await ActiveAsync(store, networkId, ct))
        {
            if (await store.GetAsync(collection, relation.ChildNetworkId, id, ct) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}
