using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

public sealed class GetMeeting(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.GetMeetingRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation().NotEmpty(request.NetworkId, "network_id", "network id").NotEmpty(request.MeetingId, "meeting_id", "meeting id").ThrowIfInvalid();
        Access.EnsureReader(caller, request.NetworkId);
        return await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
    }
}
