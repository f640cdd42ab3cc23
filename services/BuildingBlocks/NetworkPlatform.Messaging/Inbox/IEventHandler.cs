using NetworkPlatform.Events;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Inbox;

/// <summary>
/// A service's reaction to a domain event. The framework opens a unit of work on the service's database, records the
/// message id in the inbox, calls this, then commits: the effect and the inbox record land together, so a redelivered
/// event changes nothing. Throw to fail: the message is retried, then moved to the consumer's _error queue.
/// A class may handle several event types; all of them share the class's queue (see <see cref="Bus.EventTopology"/>).
/// </summary>
public interface IEventHandler<in TEvent>
    where TEvent : class, IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken);
}
