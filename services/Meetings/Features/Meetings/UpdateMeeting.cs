using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Changes title, location or video link. A new place is news for invitees: the sequence goes up.</summary>
public sealed class UpdateMeeting(MeetingsContext context)
{
    private static readonly string[] Paths = ["title", "location", "video_link"];

    public async Task<Versioned<Meeting>> HandleAsync(Proto.UpdateMeetingRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = request.Meeting ?? new Proto.Meeting();
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        new Validation()
            .NotEmpty(input.NetworkId, "meeting.network_id", "network id")
            .NotEmpty(input.MeetingId, "meeting.meeting_id", "meeting id")
            .Require(paths.Count > 0, "update_mask", $"Name the fields to change: {string.Join(", ", Paths)}.")
            .Require(paths.All(Paths.Contains), "update_mask", $"Only {string.Join(", ", Paths)} can be updated; use RescheduleMeeting or CancelMeeting for the rest.")
            .Require(!paths.Contains("title") || input.Title.Trim().Length is > 0 and <= 200, "meeting.title", "Give a title of 1..200 characters.")
            .Require(ScheduleMeeting.IsLink(input.VideoLink), "meeting.video_link", "Give an absolute http(s) link, or leave it empty.")
            .ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(input.NetworkId, input.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, input.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);

        return await context.Database.ChangeMeetingAsync(input.NetworkId, input.MeetingId, input.Etag, meeting =>
        {
            if (meeting.Status == MeetingStatus.Cancelled)
            {
                throw new MeetingRuleException("MEETING_CANCELLED", meeting.Subject, "The meeting was cancelled; schedule a new one instead.");
            }
            var placeChanged = (paths.Contains("location") && input.Location != meeting.Location) || (paths.Contains("video_link") && input.VideoLink != meeting.VideoLink);
            return Task.FromResult(meeting with
            {
                Title = paths.Contains("title") ? input.Title.Trim() : meeting.Title,
                Location = paths.Contains("location") ? input.Location : meeting.Location,
                VideoLink = paths.Contains("video_link") ? input.VideoLink : meeting.VideoLink,
                Sequence = placeChanged ? meeting.Sequence + 1 : meeting.Sequence,
            });
        }, (_, _, _, _) => Task.CompletedTask, cancellationToken);
    }
}
