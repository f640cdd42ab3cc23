using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

/// <param name="Answer">Null for an answer the API could not read (UNSPECIFIED, NO_REPLY or unknown).</param>
public sealed record RsvpCommand(string NetworkId, string MeetingId, string PersonId, RsvpAnswer? Answer, string Comment) : INetworkRequest;

/// <summary>An invited person answers: accepted, declined or tentative.</summary>
public sealed class Rsvp(MeetingsContext context) : IUseCase<RsvpCommand, MeetingView>
{
    public void Authorize(RsvpCommand command, Caller caller) => Access.EnsureSelfOrSecretariat(caller, command.PersonId);

    public void Validate(RsvpCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
        .NotEmpty(command.PersonId, "person_id", "person answering")
        .Require(command.Answer is not null, "answer", "Answer ACCEPTED, DECLINED or TENTATIVE.")
        .MaxLength("comment", command.Comment, 1000);

    public async Task<MeetingView> HandleAsync(RsvpCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var now = context.Now;
        var answer = command.Answer!.Value;
        // An answer never conflicts with an edit of the meeting: no etag.
        var answered = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, "", meeting =>
        {
            var after = meeting.Rsvp(command.PersonId, answer, command.Comment, now);
            return Change<Meeting>.With(after, version => new RsvpReceived(MeetingsContext.NewEventId(), now, after.NetworkId, after.Id,
                version,
                after.Id, after.GroupId, command.PersonId, answer.ToString(), command.Comment));
        }, cancellationToken);
        return await context.ViewAsync(answered, cancellationToken);
    }
}
