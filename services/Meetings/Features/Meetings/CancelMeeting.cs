using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Cancels an upcoming meeting with a reason; invitees get an iCalendar CANCEL.</summary>
public sealed class CancelMeeting(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.CancelMeetingRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .NotEmpty(request.MeetingId, "meeting_id", "meeting id")
            .NotEmpty(request.Reason, "reason", "reason for cancelling (invitees see it)")
            .ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        var settings = await context.Database.SettingsAsync(request.NetworkId, cancellationToken);
        var now = context.Now;
        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting => Task.FromResult(meeting.Cancel(request.Reason)),
            (_, after, version, unitOfWork) => PublishAsync(after, version, unitOfWork, settings, now, cancellationToken),
            cancellationToken);
    }

    /// <summary>MeetingCancelled, and the CANCEL notice to everyone who was invited.</summary>
    public static async Task PublishAsync(Meeting cancelled, long version, IUnitOfWork unitOfWork, NetworkSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await unitOfWork.PublishAsync(new MeetingCancelled(MeetingsContext.NewEventId(), now, cancelled.NetworkId, cancelled.Id, version, cancelled.Id, cancelled.GroupId,
            cancelled.Kind.ToString(), cancelled.Start, cancelled.CancellationReason, cancelled.Sequence), cancellationToken);
        if (cancelled.Invitations.Count > 0)
        {
            await unitOfWork.PublishAsync(Notices.Invitation(cancelled, version, NoticePurpose.Cancellation, Notices.Invited(cancelled), settings, "", now), cancellationToken);
        }
    }
}
