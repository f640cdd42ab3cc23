using System.Globalization;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Meetings by start time. The page token is the offset into the filtered, ordered list.</summary>
public sealed class ListMeetings(MeetingsContext context)
{
    public async Task<(IReadOnlyList<Versioned<Meeting>> Meetings, string NextPageToken)> HandleAsync(Proto.ListMeetingsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var offset = 0;
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .Require(request.PageSize is >= 0 and <= 200, "page_size", "Use 1..200, or 0 for 50.")
            .Require(request.PageToken.Length == 0 || (int.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset >= 0),
                "page_token", "Pass back the next_page_token of the previous page unchanged.")
            .Require(request.StartTime is null || request.EndTime is null || request.EndTime.ToDateTimeOffset() > request.StartTime.ToDateTimeOffset(),
                "end_time", "Give an end_time after start_time.")
            .ThrowIfInvalid();
        Access.EnsureReader(caller, request.NetworkId);

        var database = context.Database;
        var candidates = request.GroupId.Length > 0
            ? await database.AllAsync(MeetingsCollections.Meetings, request.NetworkId, cancellationToken, new IndexFilter("group_id", request.GroupId))
            : await database.AllAsync(MeetingsCollections.Meetings, request.NetworkId, cancellationToken);
        var kind = ProtoMapping.ToDomain(request.Kind);
        var status = ProtoMapping.ToDomain(request.Status);
        var from = request.StartTime?.ToDateTimeOffset() ?? DateTimeOffset.MinValue;
        var until = request.EndTime?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue;
        var matching = candidates
            .Where(m => (kind is null || m.Document.Kind == kind) && (status is null || m.Document.Status == status) && m.Document.Start >= from && m.Document.Start < until)
            .OrderBy(m => m.Document.Start).ThenBy(m => m.Document.Id, StringComparer.Ordinal)
            .ToList();
        var size = request.PageSize == 0 ? 50 : request.PageSize;
        var page = matching.Skip(offset).Take(size).ToList();
        var next = offset + size < matching.Count ? (offset + size).ToString(CultureInfo.InvariantCulture) : "";
        return (page, next);
    }
}
