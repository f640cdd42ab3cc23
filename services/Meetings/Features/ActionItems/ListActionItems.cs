using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <param name="GroupId">Each filter is optional: empty (or false) for all.</param>
public sealed record ListActionItemsQuery(string NetworkId, string GroupId, string MeetingId, string OwnerPersonId, bool OpenOnly,
    int PageSize,
    string PageToken) : INetworkRequest;

/// <summary>Action items by due date, then id; filters by group, meeting, owner and open ones only. One indexed keyset page.</summary>
public sealed class ListActionItems(MeetingsContext context) : IUseCase<ListActionItemsQuery, Page<ActionItem>>
{
    // Anyone of the network reads its action items.
    public void Authorize(ListActionItemsQuery query, Caller caller)
    {
    }

    public void Validate(ListActionItemsQuery query, Violations violations) =>
        violations.Require(query.PageSize is >= 0 and <= 200, "page_size", "Use 1..200, or 0 for 50.");

    public Task<Page<ActionItem>> HandleAsync(ListActionItemsQuery query, Caller caller, CancellationToken cancellationToken) =>
        context.Database.ListActionItemsAsync(query.NetworkId, new ActionItemFilter(query.GroupId, query.MeetingId, query.OwnerPersonId,
            query.OpenOnly), query.PageSize == 0 ? 50 : query.PageSize, query.PageToken, cancellationToken);
}
