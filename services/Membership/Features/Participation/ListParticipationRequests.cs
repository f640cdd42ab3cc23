using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Participation;

public sealed record ListParticipationRequestsQuery(string NetworkId, int PageSize, string PageToken) : INetworkRequest;

/// <summary>The requests that started in, or were forwarded to, the network; ordered by id; any caller of the network.</summary>
public sealed class ListParticipationRequests(MembershipContext context) : IUseCase<ListParticipationRequestsQuery,
    Page<ParticipationRequest>>
{
    public void Authorize(ListParticipationRequestsQuery query, Caller caller)
    {
    }

    public void Validate(ListParticipationRequestsQuery query, Violations violations) => violations.PageSize("page_size", query.PageSize);

    public async Task<Page<ParticipationRequest>> HandleAsync(ListParticipationRequestsQuery query, Caller caller,
        CancellationToken cancellationToken)
    {
        var links = await context.Store.QueryAsync(MembershipCollections.ParticipationRequestLinks, query.NetworkId,
            MembershipCollections.ParticipationRequestLinks.Query().Page(Paging.Size(query.PageSize), Paging.Token(query.PageToken)),
            cancellationToken);
        var items = new List<Versioned<ParticipationRequest>>();
        foreach (var link in links.Items)
        {
            if (await context.Store.GetAsync(MembershipCollections.ParticipationRequests, link.Document.OriginNetworkId, link.Document.Id,
                cancellationToken) is { } found)
            {
                items.Add(found);
            }
        }
        return new Page<ParticipationRequest>(items, links.NextPageToken);
    }
}
