using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

public sealed record ApproveMinutesCommand(string NetworkId, string MeetingId, string Etag) : INetworkRequest;

public sealed class ApproveMinutes(MeetingsContext context) : IUseCase<ApproveMinutesCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(ApproveMinutesCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(ApproveMinutesCommand command, Violations violations) => violations.NotEmpty(command.MeetingId, "meeting_id",
        "meeting id");

    public async Task<MeetingView> HandleAsync(ApproveMinutesCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var now = context.Now;
        var changed = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag,
            meeting => Change<Meeting>.Quiet(meeting.ApproveMinutes(now, caller.Subject)), cancellationToken);
        return await context.ViewAsync(changed, cancellationToken);
    }
}
