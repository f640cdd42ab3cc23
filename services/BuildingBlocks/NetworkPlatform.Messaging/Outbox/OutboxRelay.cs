using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Outbox;

/// <summary>
/// Publishes one service's committed outbox messages through MassTransit and marks them sent once the broker has
/// confirmed them. Messages of one aggregate go out one after the other in commit order; different aggregates go out
/// concurrently. A failure (broker down, timeout) stops that aggregate for this round and the relay backs off and
/// reads the outbox again, so nothing is skipped and order holds. A message published but not yet marked sent when the
/// process dies is published again after restart with the same message id; consumers' inboxes drop the copy.
/// Only the holder of the outbox's relay lock publishes; when that lock breaks under it, it stops at once and takes the
/// lock afresh (or another replica does). A commit wakes it; otherwise it looks every Bus__OutboxPollInterval.
/// </summary>
public sealed partial class OutboxRelay(
    string serviceName,
    IOutbox outbox,
    IBusControl bus,
    EventTypes eventTypes,
    BusOptions options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    public static readonly ActivitySource ActivitySource = new("NetworkPlatform.Messaging");

    /// <summary>Transport header carrying "network/aggregate": consumers keep the order of messages with equal keys.</summary>
    public const string AggregateKeyHeader = "NP-Aggregate";

    private static readonly KeyValuePair<string, object?> Publish = new("messaging.operation.name", "publish");
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ShutdownFlushTimeout = TimeSpan.FromSeconds(5);

    private readonly KeyValuePair<string, object?> _system =
        new("messaging.system", options.Transport == BusTransport.RabbitMq ? "rabbitmq" : "inmemory");
    private readonly KeyValuePair<string, object?> _service = MessagingMetrics.Service(serviceName);
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    public string ServiceName => serviceName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // On a fresh broker, events published before this process's consumers bound their queues would be lost.
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
            if (options.Transport == BusTransport.RabbitMq)
            {
                await DeclareNetworkExchangeAsync(stoppingToken); // So that no event misses the consumers' exchange either.
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        IRelayLock? relayLock = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // One relay per service database, so that replicas do not race each other out of order.
                    relayLock ??= await outbox.TryAcquireRelayLockAsync(stoppingToken);
                    if (relayLock is null)
                    {
                        await Task.Delay(options.OutboxPollInterval, stoppingToken);
                        continue;
                    }
                    using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, relayLock.Lost);
                    var committed = outbox.NextCommit;
                    var (found, complete) = await RelayBatchAsync(holding.Token);
                    if (!complete)
                    {
                        failures++;
                        await Task.Delay(Backoff(failures), holding.Token);
                        continue;
                    }
                    failures = 0;
                    if (found > 0)
                    {
                        continue;
                    }
                    await PurgeSentWhenDueAsync(holding.Token);
                    await WaitForCommitAsync(committed, holding.Token);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (OperationCanceledException) when (relayLock?.Lost.IsCancellationRequested == true)
                {
                    // Another replica may hold the lock now: publishing on would race it out of order.
                    LogRelayLockLost(serviceName);
                    relayLock = await ReleaseAsync(relayLock);
                }
                catch (Exception exception)
                {
                    // The database is in trouble: the lock (a connection) may be gone with it, so take it afresh.
                    failures++;
                    LogOutboxUnavailable(exception, serviceName, failures);
                    relayLock = await ReleaseAsync(relayLock);
                    await Task.Delay(Backoff(failures), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
            if (relayLock is not null && !relayLock.Lost.IsCancellationRequested)
            {
                await FlushOnShutdownAsync();
            }
        }
        finally
        {
            await ReleaseAsync(relayLock);
        }
    }

    private async Task DeclareNetworkExchangeAsync(CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await NetworkExchange.DeclareAsync(options.RabbitMq, eventTypes.All, cancellationToken);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogNetworkExchangeFailed(exception, serviceName, failures);
                await Task.Delay(Backoff(failures), cancellationToken);
            }
        }
    }

    /// <summary>Nothing pending: wait for a commit signal or the next poll (commits the signal cannot see).</summary>
    private async Task WaitForCommitAsync(Task committed, CancellationToken cancellationToken)
    {
        try
        {
            await committed.WaitAsync(options.OutboxPollInterval, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Time to look anyway.
        }
    }

    private async Task<(int Found, bool Complete)> RelayBatchAsync(CancellationToken cancellationToken)
    {
        var pending = await outbox.ReadPendingAsync(options.OutboxBatchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return (0, true);
        }
        var perAggregate = pending.GroupBy(p => (p.Message.NetworkId, p.Message.AggregateId));
        var sent = await Task.WhenAll(perAggregate.Select(messages => PublishInOrderAsync(messages, cancellationToken)));
        var sequences = sent.SelectMany(s => s).ToList();
        if (sequences.Count > 0)
        {
            await outbox.MarkSentAsync(sequences, cancellationToken);
        }
        return (pending.Count, sequences.Count == pending.Count);
    }

    /// <summary>Sent messages stay a while for diagnosis (Bus__OutboxRetention), then go (every Bus__OutboxPurgeInterval).</summary>
    private async Task PurgeSentWhenDueAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow < _nextPurge)
        {
            return;
        }
        _nextPurge = DateTimeOffset.UtcNow + options.OutboxPurgeInterval;
        var purged = await outbox.PurgeSentAsync(DateTimeOffset.UtcNow - options.OutboxRetention, cancellationToken);
        if (purged > 0)
        {
            LogPurged(serviceName, purged, options.OutboxRetention);
        }
    }

    private async Task<IRelayLock?> ReleaseAsync(IRelayLock? relayLock)
    {
        try
        {
            if (relayLock is not null)
            {
                await relayLock.DisposeAsync();
            }
        }
        catch (Exception exception)
        {
            LogOutboxUnavailable(exception, serviceName, 0);
        }
        return null;
    }

    private async Task<List<long>> PublishInOrderAsync(IEnumerable<PendingOutboxMessage> messages, CancellationToken cancellationToken)
    {
        var sent = new List<long>();
        foreach (var pending in messages)
        {
            var exchange = eventTypes.Find(pending.Message.MessageType) is { } type
                ? EventTopology.ExchangeName(type)
                : pending.Message.MessageType;
            try
            {
                await PublishAsync(pending.Message, cancellationToken);
                sent.Add(pending.Sequence);
                MessagingMetrics.Sent.Add(1, _system, Publish, MessagingMetrics.Destination(exchange), _service);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                MessagingMetrics.Sent.Add(1,
                    [_system, Publish, MessagingMetrics.Destination(exchange), _service, MessagingMetrics.ErrorType(exception)]);
                LogPublishFailed(exception, serviceName, pending.Message.MessageType, pending.Message.MessageId);
                break; // Later messages of this aggregate wait for this one.
            }
        }
        return sent;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var eventType = eventTypes.Find(message.MessageType)
            ?? throw new InvalidOperationException(
                $"Unknown event type {message.MessageType}: deploy the contracts (NetworkPlatform.Events) that define it.");
        var domainEvent = JsonSerializer.Deserialize(message.Payload, eventType, UnitOfWorkEventExtensions.EventJson)
            ?? throw new InvalidOperationException($"Outbox message {message.MessageId} has an empty payload.");

        // Continue the trace of the request that committed the change; MassTransit propagates it to consumers.
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity($"{message.MessageType} relay", ActivityKind.Producer, parent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        await bus.Publish(domainEvent, eventType, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = message.MessageId;
            context.Headers.Set(AggregateKeyHeader, $"{message.NetworkId}/{message.AggregateId}");
            if (context.TryGetPayload<RoutingKeySendContext>(out var routing)) // RabbitMQ: the consumers' exchange routes by it.
            {
                routing.RoutingKey = NetworkExchange.RoutingKey(message.NetworkId, eventType);
            }
            if (activity is null && message.TraceParent is not null)
            {
                context.Headers.Set("traceparent", message.TraceParent);
            }
        }), timeout.Token);
    }

    private async Task FlushOnShutdownAsync()
    {
        using var flush = new CancellationTokenSource(ShutdownFlushTimeout);
        try
        {
            while (await RelayBatchAsync(flush.Token) is { Found: > 0, Complete: true })
            {
            }
        }
        catch (Exception exception)
        {
            // What is left stays in the outbox and goes out after the next start.
            LogFlushIncomplete(exception, serviceName);
        }
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 50 * Math.Pow(2, Math.Min(failures, 10))));

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox relay of {Service}: cannot declare the consumers' exchange NetworkPlatform.Events (attempt {Attempt}); "
            + "retrying.")]
    private partial void LogNetworkExchangeFailed(Exception exception, string service, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay of {Service}: cannot read the outbox (attempt {Attempt}); retrying.")]
    private partial void LogOutboxUnavailable(Exception exception, string service, int attempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox relay of {Service}: publishing {MessageType} {MessageId} failed; it stays in the outbox and is retried.")]
    private partial void LogPublishFailed(Exception exception, string service, string messageType, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox relay of {Service}: lost the relay lock (its database connection broke); "
            + "stopped publishing and taking the lock afresh.")]
    private partial void LogRelayLockLost(string service);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Outbox relay of {Service}: purged {Count} sent messages older than {Retention}.")]
    private partial void LogPurged(string service, int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox relay of {Service}: could not flush the outbox at shutdown; the rest is published after the next start.")]
    private partial void LogFlushIncomplete(Exception exception, string service);
}
