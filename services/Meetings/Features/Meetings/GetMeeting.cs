using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Meetings.Features;

public sealed record GetMeetingQuery(string NetworkId, string MeetingId) : INetworkRequest;

public sealed class GetMeeting(MeetingsContext context) : IUseCase<GetMeetingQuery, MeetingView>
{
    // Anyone of the network reads its meetings.
    public void Authorize(GetMeetingQuery query, Caller caller)
    {
    }

    public void Validate(GetMeetingQuery query, Violations violations) => violations.NotEmpty(query.MeetingId, "meeting_id", "meeting id");

    public async Task<MeetingView> HandleAsync(GetMeetingQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var meeting = await context.Database.GetMeetingAsync(query.NetworkId, query.MeetingId, cancellationToken);
        await MeetingContactReads.RecordAsync(context, caller, query.NetworkId, "GetMeeting", [meeting.Document], cancellationToken);
        return await context.ViewAsync(meeting, cancellationToken);
    }
}
