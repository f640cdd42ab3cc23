using MassTransit;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;

namespace NetworkPlatform.Messaging.Inbox;

/// <summary>Runs one <see cref="IEventHandler{TEvent}"/> inside a unit of work guarded by the inbox.</summary>
internal sealed class InboxConsumer<THandler, TEvent>(THandler handler, EventConsumerBindings bindings, IServiceProvider services) : IConsumer<TEvent>
    where THandler : class, IEventHandler<TEvent>
    where TEvent : class, IDomainEvent
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var binding = bindings.For(typeof(THandler));
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TEvent).Name} arrived without a message id; publish events through the outbox relay.");
        var cancellationToken = context.CancellationToken;

        await using var unitOfWork = await ServiceStorage.DocumentStore(services, binding.ServiceName).BeginAsync(cancellationToken);
        if (!await unitOfWork.TryMarkHandledAsync(binding.ConsumerName, messageId, cancellationToken))
        {
            return; // Handled before: a redelivery or a second publish after a relay crash.
        }
        await handler.HandleAsync(context.Message, unitOfWork, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
    }
}

/// <summary>Which service (database) and inbox name each handler class belongs to.</summary>
internal sealed class EventConsumerBindings(IReadOnlyDictionary<Type, EventConsumerBinding> byHandler)
{
    public EventConsumerBinding For(Type handlerType) => byHandler[handlerType];
}

/// <summary>The consumer name is the queue name: unique across services and stable across deployments.</summary>
internal sealed record EventConsumerBinding(string ServiceName, string ConsumerName, Type HandlerType, IReadOnlyList<Type> EventTypes);
