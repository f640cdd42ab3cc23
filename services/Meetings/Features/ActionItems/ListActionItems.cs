using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Action items by due date, then id; filters by group, meeting, owner and open ones only. One indexed keyset page.</summary>
public sealed class ListActionItems(MeetingsContext context)
{
    public async Task<(IReadOnlyList<Versioned<ActionItem>> Items, string NextPageToken)> HandleAsync(Proto.ListActionItemsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .Require(request.PageSize is >= 0 and <= 200, "page_size", "Use 1..200, or 0 for 50.")
            .ThrowIfInvalid();
        Access.EnsureReader(caller, request.NetworkId);
        var filter = new ActionItemFilter(request.GroupId, request.MeetingId, request.OwnerPersonId, request.OpenOnly);
        var page = await context.Database.ListActionItemsAsync(request.NetworkId, filter, request.PageSize == 0 ? 50 : request.PageSize,
            request.PageToken, cancellationToken);
        return (page.Items, page.NextPageToken ?? "");
    }
}
