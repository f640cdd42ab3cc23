using Microsoft.Extensions.Logging;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.PersonalData;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Consumers;

/// <summary>
/// Membership erased a person: the groups' copies follow (<see cref="ErasePersonCopies"/>, in the delivery's unit, so the
/// inbox record and the erased copies commit together; a crash before the commit redelivers the event).
/// </summary>
public sealed class PersonErasedHandler(GroupsContext context, ILogger<PersonErasedHandler> logger) : IEventHandler<PersonErased>
{
    public async Task HandleAsync(PersonErased domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var changed = await new ErasePersonCopies(context.Within(unitOfWork)).RunAsync(
            new ErasePersonCopiesCommand(domainEvent.NetworkId, domainEvent.PersonId), ServiceCaller.For(domainEvent.NetworkId),
            cancellationToken);
        logger.LogInformation("Person {PersonId} erased: {Count} group(s) hold them as former participant now.",
            domainEvent.PersonId, changed);
    }
}
