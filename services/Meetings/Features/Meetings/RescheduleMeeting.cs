using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Moves an upcoming meeting, with a reason; people already invited get the updated invitation.</summary>
public sealed class RescheduleMeeting(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.RescheduleMeetingRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .NotEmpty(request.MeetingId, "meeting_id", "meeting id")
            .Require(request.StartTime is not null, "start_time", "Give the new start time.")
            .Require(request.StartTime is null || (request.EndTime is not null && request.EndTime.ToDateTimeOffset() > request.StartTime.ToDateTimeOffset()),
                "end_time", "Give a new end time after the new start time.")
            .TimeZone(request.TimeZone, "time_zone")
            .NotEmpty(request.Reason, "reason", "reason for moving the meeting (invitees see it)")
            .ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        var settings = await context.Database.SettingsAsync(request.NetworkId, cancellationToken);
        var now = context.Now;

        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting => Task.FromResult(meeting.Reschedule(request.StartTime!.ToDateTimeOffset(), request.EndTime!.ToDateTimeOffset(),
                request.TimeZone.Length > 0 ? request.TimeZone : meeting.TimeZone, meeting.Location, meeting.VideoLink, request.Reason, now, caller.Subject)),
            async (before, after, version, unitOfWork) =>
            {
                await unitOfWork.PublishAsync(new MeetingRescheduled(MeetingsContext.NewEventId(), now, after.NetworkId, after.Id, version, after.Id, after.GroupId,
                    before.Start, before.End, after.Start, after.End, after.TimeZone, request.Reason, after.Sequence), cancellationToken);
                if (after.Invitations.Count > 0)
                {
                    await unitOfWork.PublishAsync(Notices.Invitation(after, version, NoticePurpose.Update, Notices.Invited(after), settings, $"Moved: {request.Reason}", now), cancellationToken);
                }
            }, cancellationToken);
    }
}
