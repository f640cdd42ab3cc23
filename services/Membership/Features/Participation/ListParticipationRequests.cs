using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Participation;

/// <summary>The requests that started in, or were forwarded to, the network; ordered by id.</summary>
public static class ListParticipationRequests
{
    public static async Task<Page<ParticipationRequest>> HandleAsync(MembershipContext context, Caller caller, V1.ListParticipationRequestsRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).ThrowIfInvalid();
        var pageSize = Paging.PageSize(request.PageSize);
        Authorisation.EnsureReader(caller, request.NetworkId);
        var links = await context.Store.QueryAsync(MembershipCollections.ParticipationRequestLinks, request.NetworkId,
            MembershipCollections.ParticipationRequestLinks.Query().Page(pageSize, Paging.Token(request.PageToken)), cancellationToken);
        var items = new List<Versioned<ParticipationRequest>>();
        foreach (var link in links.Items)
        {
            if (await context.Store.GetAsync(MembershipCollections.ParticipationRequests, link.Document.OriginNetworkId, link.Document.Id, cancellationToken) is { } found)
            {
                items.Add(found);
            }
        }
        return new Page<ParticipationRequest>(items, links.NextPageToken);
    }
}
