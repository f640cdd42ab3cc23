using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>An invited person answers: accepted, declined or tentative.</summary>
public sealed class Rsvp(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.RsvpRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var answer = ProtoMapping.ToDomain(request.Answer);
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .NotEmpty(request.MeetingId, "meeting_id", "meeting id")
            .NotEmpty(request.PersonId, "person_id", "person answering")
            .Require(answer is not null, "answer", "Answer ACCEPTED, DECLINED or TENTATIVE.")
            .MaxLength("comment", request.Comment, 1000)
            .ThrowIfInvalid();
        Access.EnsureSelfOrSecretariat(caller, request.NetworkId, request.PersonId);
        var now = context.Now;
        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, "",
            meeting => Task.FromResult(meeting.Rsvp(request.PersonId, answer!.Value, request.Comment, now)),
            (_, after, version, unitOfWork) => unitOfWork.PublishAsync(new RsvpReceived(MeetingsContext.NewEventId(), now, after.NetworkId, after.Id, version,
                after.Id, after.GroupId, request.PersonId, answer!.Value.ToString(), request.Comment), cancellationToken),
            cancellationToken);
    }
}
