using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

public sealed class UpdateMinutes(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.UpdateMinutesRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .NotEmpty(request.MeetingId, "meeting_id", "meeting id")
            .NotEmpty(request.Text, "text", "text of the minutes")
            .MaxLength("text", request.Text, 100_000)
            .ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting => Task.FromResult(meeting.EditMinutes(request.Text)), (_, _, _, _) => Task.CompletedTask, cancellationToken);
    }
}
