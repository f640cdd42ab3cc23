using MassTransit;
using NetworkPlatform.Events;

namespace NetworkPlatform.Messaging.Listeners;

/// <summary>Hands one event from this process's temporary queue to an <see cref="IEventListener"/>.</summary>
internal sealed class ListenerConsumer<TListener, TEvent>(TListener listener) : IConsumer<TEvent>
    where TListener : class, IEventListener
    where TEvent : class, IDomainEvent
{
    public Task Consume(ConsumeContext<TEvent> context) => listener.ListenAsync(context.Message, context.CancellationToken);
}

/// <summary>A listener class, the event types it sees, and the tag of its temporary queue's name.</summary>
internal sealed record EventListenerBinding(string Tag, Type ListenerType, IReadOnlyList<Type> EventTypes);
