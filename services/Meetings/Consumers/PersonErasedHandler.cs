using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Consumers;

/// <summary>
/// Membership erased a person: the meetings' copies follow (<see cref="ErasePersonCopies"/>), in the unit that records the
/// event as handled, so a crash before the commit redelivers it and the erasure resumes.
/// </summary>
public sealed class PersonErasedHandler(MeetingsContext context) : IEventHandler<PersonErased>
{
    public Task HandleAsync(PersonErased domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        new ErasePersonCopies(context.Within(unitOfWork)).RunAsync(
            new ErasePersonCopiesCommand(domainEvent.NetworkId, domainEvent.PersonId), MeetingsContext.Service(domainEvent.NetworkId),
            cancellationToken);
}
