using System.Globalization;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Action items by due date; filters by group, meeting, owner and open ones only.</summary>
public sealed class ListActionItems(MeetingsContext context)
{
    public async Task<(IReadOnlyList<Versioned<ActionItem>> Items, string NextPageToken)> HandleAsync(Proto.ListActionItemsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var offset = 0;
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .Require(request.PageSize is >= 0 and <= 200, "page_size", "Use 1..200, or 0 for 50.")
            .Require(request.PageToken.Length == 0 || (int.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset >= 0),
                "page_token", "Pass back the next_page_token of the previous page unchanged.")
            .ThrowIfInvalid();
        Access.EnsureReader(caller, request.NetworkId);
        var filters = new List<IndexFilter>();
        if (request.GroupId.Length > 0) filters.Add(new IndexFilter("group_id", request.GroupId));
        if (request.MeetingId.Length > 0) filters.Add(new IndexFilter("meeting_id", request.MeetingId));
        if (request.OwnerPersonId.Length > 0) filters.Add(new IndexFilter("owner_person_id", request.OwnerPersonId));
        if (request.OpenOnly) filters.Add(new IndexFilter("status", nameof(ActionItemStatus.Open)));
        var all = (await context.Database.AllAsync(MeetingsCollections.ActionItems, request.NetworkId, cancellationToken, [.. filters]))
            .OrderBy(a => a.Document.DueDate).ThenBy(a => a.Document.Id, StringComparer.Ordinal).ToList();
        var size = request.PageSize == 0 ? 50 : request.PageSize;
        return (all.Skip(offset).Take(size).ToList(), offset + size < all.Count ? (offset + size).ToString(CultureInfo.InvariantCulture) : "");
    }
}
