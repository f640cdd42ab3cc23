using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Inbox;

/// <summary>Runs one <see cref="IEventHandler{TEvent}"/> inside a unit of work guarded by the inbox.</summary>
internal sealed class InboxConsumer<THandler, TEvent>(THandler handler, EventConsumerBindings bindings, IServiceProvider services)
    : IConsumer<TEvent>
    where THandler : class, IEventHandler<TEvent>
    where TEvent : class, IDomainEvent
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var binding = bindings.For(typeof(THandler));
        var queue = MessagingMetrics.Destination(binding.ConsumerName);
        var attempt = context.GetRetryAttempt();
        if (attempt > 0)
        {
            MessagingMetrics.Retries.Add(1, queue);
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await HandleAsync(context, binding, attempt);
            MessagingMetrics.Consumed.Add(1, queue);
            MessagingMetrics.ProcessDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, queue);
        }
        catch (Exception exception)
        {
            var error = MessagingMetrics.ErrorType(exception);
            MessagingMetrics.Consumed.Add(1, queue, error);
            MessagingMetrics.ProcessDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, queue, error);
            if (attempt >= bindings.RetryCount && !context.CancellationToken.IsCancellationRequested)
            {
                MessagingMetrics.DeadLettered.Add(1, queue); // The last attempt failed: MassTransit moves it to _error.
            }
            throw;
        }
    }

    private async Task HandleAsync(ConsumeContext<TEvent> context, EventConsumerBinding binding, int attempt)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException(
                $"A {typeof(TEvent).Name} arrived without a message id; publish events through the outbox relay.");
        var cancellationToken = context.CancellationToken;

        // A retry runs alone: whatever failed the first attempt should not roll back a group again.
        if (binding.Transactions == InboxTransactions.Grouped && attempt == 0
            && await bindings.GroupCommitFor(binding, services).HandleAsync(messageId, HandleIn, cancellationToken))
        {
            return;
        }

        await using var unitOfWork = await ServiceStorage.DocumentStore(services, binding.ServiceName).BeginAsync(cancellationToken);
        if (!await unitOfWork.TryMarkHandledAsync(binding.ConsumerName, messageId, cancellationToken))
        {
            // Handled before: a redelivery or a second publish after a relay crash.
            MessagingMetrics.Duplicates.Add(1, MessagingMetrics.Destination(binding.ConsumerName));
            return;
        }
        await HandleIn(unitOfWork, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);

        Task HandleIn(IUnitOfWork work, CancellationToken token) => handler.HandleAsync(context.Message, work, token);
    }
}

/// <summary>Which service (database) and inbox name each handler class belongs to, and the group commit of each queue.</summary>
internal sealed class EventConsumerBindings(IReadOnlyDictionary<Type, EventConsumerBinding> byHandler, int maxGroupSize, int retryCount)
{
    private readonly ConcurrentDictionary<Type, InboxGroupCommit> groupCommits = new();

    /// <summary>Attempts after the first (Bus__RetryIntervals); the one after the last goes to the _error queue.</summary>
    public int RetryCount => retryCount;

    public IEnumerable<EventConsumerBinding> All => byHandler.Values;

    public EventConsumerBinding For(Type handlerType) => byHandler[handlerType];

    public InboxGroupCommit GroupCommitFor(EventConsumerBinding binding, IServiceProvider services) =>
        groupCommits.GetOrAdd(binding.HandlerType, _ => new InboxGroupCommit(
            ServiceStorage.DocumentStore(services, binding.ServiceName), binding.ConsumerName, maxGroupSize));
}

/// <summary>The consumer name is the queue name: unique across services and stable across deployments.</summary>
internal sealed record EventConsumerBinding(string ServiceName, string ConsumerName, Type HandlerType, IReadOnlyList<Type> EventTypes,
    InboxTransactions Transactions);
