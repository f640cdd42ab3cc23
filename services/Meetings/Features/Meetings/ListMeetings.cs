using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Meetings by start time, then id: one indexed keyset page, so a meeting scheduled meanwhile never shifts later pages.</summary>
public sealed class ListMeetings(MeetingsContext context)
{
    public async Task<(IReadOnlyList<Versioned<Meeting>> Meetings, string NextPageToken)> HandleAsync(Proto.ListMeetingsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .Require(request.PageSize is >= 0 and <= 200, "page_size", "Use 1..200, or 0 for 50.")
            .Require(request.StartTime is null || request.EndTime is null || request.EndTime.ToDateTimeOffset() > request.StartTime.ToDateTimeOffset(),
                "end_time", "Give an end_time after start_time.")
            .ThrowIfInvalid();
        Access.EnsureReader(caller, request.NetworkId);

        var filter = new MeetingFilter(request.GroupId, ProtoMapping.ToDomain(request.Kind), ProtoMapping.ToDomain(request.Status),
            request.StartTime?.ToDateTimeOffset(), request.EndTime?.ToDateTimeOffset());
        var page = await context.Database.ListMeetingsAsync(request.NetworkId, filter, request.PageSize == 0 ? 50 : request.PageSize,
            request.PageToken, cancellationToken);
        return (page.Items, page.NextPageToken ?? "");
    }
}
