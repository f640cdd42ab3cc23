namespace NetworkPlatform.Messaging.Bus;

public enum BusTransport
{
    /// <summary>MassTransit's in-memory transport: one process (standalone `make run`, unit tests).</summary>
    InMemory,

    /// <summary>RabbitMQ: distributed mode.</summary>
    RabbitMq,
}

/// <summary>The "Bus" configuration section (Bus__Transport, Bus__RabbitMq__Host, ...).</summary>
public sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    public static readonly TimeSpan[] DefaultRetryIntervals =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>
    /// In-process redeliveries of a failing message before it moves to the endpoint's _error queue
    /// (Bus__RetryIntervals__0=00:00:00.1, ...); <see cref="DefaultRetryIntervals"/> when none is configured.
    /// </summary>
    public TimeSpan[] RetryIntervals { get; set; } = [];

    /// <summary>
    /// In-process redeliveries of a message that failed on contention (ConcurrencyConflictException) or an unavailable
    /// database (StorageUnavailableException), with exponential backoff up to 10 s (about 4 minutes for 30), before the
    /// <see cref="RetryIntervals"/> count.
    /// </summary>
    public int TransientRetryLimit { get; set; } = 30;

    /// <summary>
    /// When a receive endpoint stops (the broker went away, or shutdown), how long its deliveries in flight may still
    /// finish before they are cancelled (unacknowledged, so the broker delivers them again).
    /// </summary>
    public TimeSpan ConsumerStopTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Messages a consumer endpoint takes from the broker ahead of handling them.</summary>
    public int PrefetchCount { get; set; } = 64;

    /// <summary>
    /// Messages a RabbitMQ consumer endpoint has in flight at once (Bus__ConsumerConcurrency), each aggregate's still one
    /// at a time and in order; the in-memory transport handles one at a time. For a grouped handler they cost a place in
    /// the next group commit, not a database connection each.
    /// </summary>
    public int ConsumerConcurrency { get; set; } = 32;

    /// <summary>How often an idle relay looks at its outbox when no commit woke it.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int OutboxBatchSize { get; set; } = 200;

    /// <summary>How long sent messages stay in the outbox table (for diagnosis) before the relay deletes them.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the relay deletes the sent messages older than <see cref="OutboxRetention"/> (first at start-up).</summary>
    public TimeSpan OutboxPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the relay waits for the broker to confirm one message before it backs off and retries.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>
    /// The broker's management API (e.g. http://rabbitmq:15672), read with the user above for the queue metrics (messages
    /// ready and unacked, consumers); empty: those metrics are left out.
    /// </summary>
    public string? ManagementUrl { get; set; }
}
