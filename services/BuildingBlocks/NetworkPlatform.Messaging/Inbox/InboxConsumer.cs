using System.Collections.Concurrent;
using MassTransit;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Storage;

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

        // A retry runs alone: whatever failed the first attempt should not roll back a group again.
        if (binding.Transactions == InboxTransactions.Grouped && context.GetRetryAttempt() == 0
            && await bindings.GroupCommitFor(binding, services).HandleAsync(messageId, HandleIn, cancellationToken))
        {
            return;
        }

        await using var unitOfWork = await ServiceStorage.DocumentStore(services, binding.ServiceName).BeginAsync(cancellationToken);
        if (!await unitOfWork.TryMarkHandledAsync(binding.ConsumerName, messageId, cancellationToken))
        {
            return; // Handled before: a redelivery or a second publish after a relay crash.
        }
        await HandleIn(unitOfWork, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);

        Task HandleIn(IUnitOfWork work, CancellationToken token) => handler.HandleAsync(context.Message, work, token);
    }
}

/// <summary>Which service (database) and inbox name each handler class belongs to, and the group commit of each queue.</summary>
internal sealed class EventConsumerBindings(IReadOnlyDictionary<Type, EventConsumerBinding> byHandler, int maxGroupSize)
{
    private readonly ConcurrentDictionary<Type, InboxGroupCommit> groupCommits = new();

    public EventConsumerBinding For(Type handlerType) => byHandler[handlerType];

    public InboxGroupCommit GroupCommitFor(EventConsumerBinding binding, IServiceProvider services) =>
        groupCommits.GetOrAdd(binding.HandlerType, _ => new InboxGroupCommit(ServiceStorage.DocumentStore(services, binding.ServiceName), binding.ConsumerName, maxGroupSize));
}

/// <summary>The consumer name is the queue name: unique across services and stable across deployments.</summary>
internal sealed record EventConsumerBinding(string ServiceName, string ConsumerName, Type HandlerType, IReadOnlyList<Type> EventTypes, InboxTransactions Transactions);
