using NetworkPlatform.Events;

namespace NetworkPlatform.Messaging.Listeners;

/// <summary>
/// Sees every event of its types in every process that registers it (one replica of a service as much as another),
/// unlike an <see cref="Inbox.IEventHandler{TEvent}"/>, whose queue the replicas share. For live, in-memory uses such as
/// streaming feeds: no unit of work, no inbox, no retries; the events published while the process is down are not seen.
/// </summary>
public interface IEventListener
{
    Task ListenAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}
