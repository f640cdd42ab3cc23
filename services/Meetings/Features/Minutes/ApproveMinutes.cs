using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

public sealed class ApproveMinutes(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.ApproveMinutesRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation().NotEmpty(request.NetworkId, "network_id", "network id").NotEmpty(request.MeetingId, "meeting_id", "meeting id").ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        var now = context.Now;
        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting => Task.FromResult(meeting.ApproveMinutes(now, caller.Subject)), (_, _, _, _) => Task.CompletedTask, cancellationToken);
    }
}
