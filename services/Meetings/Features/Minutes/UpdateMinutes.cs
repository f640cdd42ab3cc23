using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

public sealed record UpdateMinutesCommand(string NetworkId, string MeetingId, string Etag, string Text) : INetworkRequest;

public sealed class UpdateMinutes(MeetingsContext context) : IUseCase<UpdateMinutesCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(UpdateMinutesCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(UpdateMinutesCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
        .NotEmpty(command.Text, "text", "text of the minutes")
        .MaxLength("text", command.Text, 100_000);

    public async Task<MeetingView> HandleAsync(UpdateMinutesCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var changed = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag,
            meeting => Change<Meeting>.Quiet(meeting.EditMinutes(command.Text)), cancellationToken);
        return await context.ViewAsync(changed, cancellationToken);
    }
}
