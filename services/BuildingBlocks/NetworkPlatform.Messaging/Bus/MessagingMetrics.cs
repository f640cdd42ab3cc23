using System.Diagnostics.Metrics;

namespace NetworkPlatform.Messaging.Bus;

/// <summary>
/// The "NetworkPlatform.Messaging" meter. OpenTelemetry's messaging semantic conventions where they name the figure
/// (messaging.client.sent.messages, messaging.client.consumed.messages, messaging.process.duration); our own names under
/// networkplatform.* for what they do not cover: inbox duplicates, retries, dead letters, consumers attached by this
/// process and the broker's own queue figures (<see cref="MessagingMonitor"/>).
/// </summary>
public static class MessagingMetrics
{
    public const string MeterName = "NetworkPlatform.Messaging";

    /// <summary>The service a figure belongs to (standalone mode hosts four services in one process).</summary>
    public const string ServiceAttribute = "networkplatform.service";

    public const string DestinationAttribute = "messaging.destination.name";

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Sent = Meter.CreateCounter<long>(
        "messaging.client.sent.messages", "{message}",
        "Events the outbox relay published (error.type set when the broker did not confirm)");

    internal static readonly Counter<long> Consumed = Meter.CreateCounter<long>(
        "messaging.client.consumed.messages", "{message}", "Deliveries handed to an event handler (error.type set when it failed)");

    internal static readonly Histogram<double> ProcessDuration = Meter.CreateHistogram<double>(
        "messaging.process.duration", "s", "Time to handle one delivery: inbox, handler and commit",
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        });

    internal static readonly Counter<long> Duplicates = Meter.CreateCounter<long>(
        "networkplatform.inbox.duplicates", "{message}", "Deliveries skipped because the inbox shows them handled before");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "networkplatform.consumer.retries", "{attempt}", "Deliveries handled again after a failed attempt");

    internal static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(
        "networkplatform.consumer.dead_lettered", "{message}", "Deliveries that failed every retry and moved to the queue's _error queue");

    internal static KeyValuePair<string, object?> Service(string service) => new(ServiceAttribute, service);

    internal static KeyValuePair<string, object?> Destination(string name) => new(DestinationAttribute, name);

    internal static KeyValuePair<string, object?> ErrorType(Exception exception) => new("error.type", exception.GetType().FullName);
}
