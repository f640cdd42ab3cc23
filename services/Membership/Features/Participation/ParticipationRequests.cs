using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Participation;

/// <summary>
/// A request is stored once, in its origin network; every network that sees it holds a link. Reads and changes go
/// through the link of the caller's network, so a network sees only the requests that reached it.
/// </summary>
internal static class ParticipationRequests
{
    public static async Task<Versioned<ParticipationRequest>> LoadAsync(IDocumentStore store, string networkId, string id,
        CancellationToken cancellationToken)
    {
        var link = await store.RequireAsync(MembershipResources.ParticipationRequestLinks, networkId, id, cancellationToken);
        return await store.RequireAsync(MembershipResources.ParticipationRequests, link.Document.OriginNetworkId, id, cancellationToken);
    }

    /// <summary>Reads the request to change it, holding it until the unit ends.</summary>
    public static async Task<Versioned<ParticipationRequest>> LoadForUpdateAsync(IUnitOfWork unit, string networkId, string id,
        CancellationToken cancellationToken)
    {
        var link = await unit.RequireAsync(MembershipResources.ParticipationRequestLinks, networkId, id, cancellationToken);
        return await unit.RequireForUpdateAsync(MembershipResources.ParticipationRequests, link.Document.OriginNetworkId, id,
            cancellationToken);
    }

    /// <summary>Only the secretariat of the network that holds the request now may forward or answer it.</summary>
    public static void EnsureHandledBy(ParticipationRequest request, string networkId)
    {
        if (request.HandlingNetworkId != networkId)
        {
            throw new RuleViolationException("NOT_HANDLING_NETWORK", request.Subject,
                $"The request is now with '{request.HandlingNetworkId}'; only that network's secretariat can forward or answer it.");
        }
    }

    /// <summary>The networks above <paramref name="networkId"/>: its parents, their parents, and so on.</summary>
    public static async Task<IReadOnlySet<string>> AncestorsAsync(IDocumentStore store, string networkId,
        CancellationToken cancellationToken)
    {
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>([networkId]);
        while (frontier.TryDequeue(out var current))
        {
            var parents = await store.QueryAsync(MembershipCollections.NetworkRelations, current,
                MembershipCollections.NetworkRelations.Query().Where(r => r.ChildNetworkId,
                    current).Page(Application.Validation.Paging.MaxPageSize),
                cancellationToken);
            foreach (var parent in parents.Items.Select(r => r.Document.ParentNetworkId))
            {
                if (ancestors.Add(parent))
                {
                    frontier.Enqueue(parent);
                }
            }
        }
        return ancestors;
    }
}
