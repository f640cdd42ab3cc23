using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <param name="Kind">Only meetings of this kind; null for all.</param>
/// <param name="Status">Only meetings in this status; null for all.</param>
public sealed record ListMeetingsQuery(string NetworkId, string GroupId, MeetingKind? Kind, MeetingStatus? Status,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime, int PageSize, string PageToken) : INetworkRequest;

/// <summary>Meetings by start time, then id: one indexed keyset page, so a meeting scheduled meanwhile never shifts later pages.</summary>
public sealed class ListMeetings(MeetingsContext context) : IUseCase<ListMeetingsQuery, MeetingPage>
{
    // Anyone of the network reads its meetings.
    public void Authorize(ListMeetingsQuery query, Caller caller)
    {
    }

    public void Validate(ListMeetingsQuery query, Violations violations) => violations
        .Require(query.PageSize is >= 0 and <= 200, "page_size", "Use 1..200, or 0 for 50.")
        .EndAfterStart(query.StartTime, query.EndTime, "end_time", "Give an end_time after start_time.");

    public async Task<MeetingPage> HandleAsync(ListMeetingsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        await context.RequireGroupIfGivenAsync(query.NetworkId, query.GroupId, cancellationToken);
        var filter = new MeetingFilter(query.GroupId, query.Kind, query.Status, query.StartTime, query.EndTime);
        var page = await context.Database.ListMeetingsAsync(query.NetworkId, filter, query.PageSize == 0 ? 50 : query.PageSize,
            query.PageToken,
            cancellationToken);
        await MeetingContactReads.RecordAsync(context, caller, query.NetworkId, "ListMeetings", page.Items.Select(m => m.Document),
            cancellationToken);
        return new MeetingPage(page, (await context.Database.SettingsAsync(query.NetworkId, cancellationToken)).Quorum);
    }
}
