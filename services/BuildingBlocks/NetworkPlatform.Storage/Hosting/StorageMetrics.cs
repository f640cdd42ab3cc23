using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NetworkPlatform.Storage.Hosting;

/// <summary>
/// The "NetworkPlatform.Storage" meter: each service's outbox backlog (messages not yet sent, age of the oldest), sampled
/// every few seconds by <see cref="OutboxBacklogSampler"/>. The database pool figures come from Npgsql's own "Npgsql" meter
/// (db.client.connection.*); SQLite has no pool.
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "NetworkPlatform.Storage";

    /// <summary>The attribute naming the service a figure belongs to (standalone mode hosts four in one process).</summary>
    public const string ServiceAttribute = "networkplatform.service";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<OutboxBacklogSampler, byte> Samplers = new();

    static StorageMetrics()
    {
        Meter.CreateObservableGauge("networkplatform.outbox.pending", () => Observe(s => s.Pending), "{message}",
            "Outbox messages committed and not yet confirmed by the broker");
        Meter.CreateObservableGauge("networkplatform.outbox.oldest_age", () => Observe(s => s.OldestAge.TotalSeconds), "s",
            "How long the oldest outbox message not yet sent has waited");
    }

    internal static void Add(OutboxBacklogSampler sampler) => Samplers.TryAdd(sampler, 0);

    internal static void Remove(OutboxBacklogSampler sampler) => Samplers.TryRemove(sampler, out _);

    private static IEnumerable<Measurement<T>> Observe<T>(Func<OutboxBacklog, T> value)
        where T : struct =>
        Samplers.Keys.Select(s => (s.Service, Backlog: s.Current)).Where(s => s.Backlog is not null)
            .Select(s => new Measurement<T>(value(s.Backlog!), new KeyValuePair<string, object?>(ServiceAttribute, s.Service)));
}

/// <summary>
/// Reads one service's outbox backlog every <see cref="Interval"/>. A failed read drops the figures (the series go stale)
/// rather than showing old ones; the oldest message's age keeps growing between reads.
/// </summary>
internal sealed partial class OutboxBacklogSampler(IOutbox outbox, string service, ILogger<OutboxBacklogSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private (OutboxBacklog Backlog, long SampledAt)? last;

    public string Service => service;

    public OutboxBacklog? Current => last is { } sample
        ? sample.Backlog.Pending == 0
            ? sample.Backlog
            : sample.Backlog with { OldestAge = sample.Backlog.OldestAge + Stopwatch.GetElapsedTime(sample.SampledAt) }
        : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        StorageMetrics.Add(this);
        try
        {
            using var timer = new PeriodicTimer(Interval);
            do
            {
                try
                {
                    last = (await outbox.GetBacklogAsync(stoppingToken), Stopwatch.GetTimestamp());
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    last = null;
                    LogUnavailable(exception, service);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            StorageMetrics.Remove(this);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Outbox backlog of {Service}: cannot read it now; its metrics are left out until it can.")]
    private partial void LogUnavailable(Exception exception, string service);
}
