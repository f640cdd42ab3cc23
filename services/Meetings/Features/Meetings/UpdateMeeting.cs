using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

/// <param name="UpdateMask">The fields to change, among <see cref="UpdateMeeting.Paths"/>.</param>
public sealed record UpdateMeetingCommand(string NetworkId, string MeetingId, string Etag, IReadOnlyList<string> UpdateMask, string Title,
    string Location, string VideoLink) : INetworkRequest
{
    public string NetworkIdField => "meeting.network_id";
}

/// <summary>Changes title, location or video link. A new place is news for invitees: the sequence goes up.</summary>
public sealed class UpdateMeeting(MeetingsContext context) : IUseCase<UpdateMeetingCommand, MeetingView>
{
    public static readonly IReadOnlyList<string> Paths = ["title", "location", "video_link"];

    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(UpdateMeetingCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(UpdateMeetingCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting.meeting_id", "meeting id")
        .Require(command.UpdateMask.Count > 0, "update_mask", $"Name the fields to change: {string.Join(", ", Paths)}.")
        .Require(command.UpdateMask.All(Paths.Contains), "update_mask",
            $"Only {string.Join(", ", Paths)} can be updated; use RescheduleMeeting or CancelMeeting for the rest.")
        .Require(!command.UpdateMask.Contains("title") || command.Title.Trim().Length is > 0 and <= 200, "meeting.title",
            "Give a title of 1..200 characters.")
        .Link(command.VideoLink, "meeting.video_link");

    public async Task<MeetingView> HandleAsync(UpdateMeetingCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        string? Changed(string field, string value) => command.UpdateMask.Contains(field) ? value : null;
        var updated = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag, meeting => Change<Meeting>.Quiet(
            meeting.Update(Changed("title", command.Title.Trim()), Changed("location", command.Location), Changed("video_link",
                command.VideoLink))),
            cancellationToken);
        return await context.ViewAsync(updated, cancellationToken);
    }
}
