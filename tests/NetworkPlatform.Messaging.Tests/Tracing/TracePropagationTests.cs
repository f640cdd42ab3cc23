using NetworkPlatform.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Tests.Tracing;

/// <summary>Records the activity its handler runs in, per event.</summary>
public sealed class TraceRecordingHandler : IEventHandler<MemberJoined>
{
    public static readonly ConcurrentDictionary<Guid, (ActivityTraceId TraceId, ActivitySpanId SpanId)> Seen = new();

    public Task HandleAsync(MemberJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (Activity.Current is { } activity)
        {
            Seen[domainEvent.EventId] = (activity.TraceId, activity.SpanId);
        }
        return Task.CompletedTask;
    }
}

/// <summary>A trace started around the committing code continues, through the outbox and RabbitMQ, into the consumer's handler.</summary>
public sealed class TracePropagationTests
{
    private static readonly ActivitySource TestSource = new("NetworkPlatform.Messaging.Tests");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _publisher = "membership-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _consumer = "reporting-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task the_consumer_handler_runs_in_the_trace_of_the_request_that_committed_the_event()
    {
        var started = new ConcurrentDictionary<ActivitySpanId, Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "NetworkPlatform.Messaging.Tests" or "NetworkPlatform.Messaging" or "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity => started[activity.SpanId] = activity,
        };
        ActivitySource.AddActivityListener(listener);
        var bus = await Environments.RabbitMqBusAsync();
        await using var consumer = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_consumer] = await Environments.StorageAsync(Environments.Sqlite, _consumer),
        }, events => events.AddService(_consumer, service => service.AddHandler<TraceRecordingHandler>()));
        await using var publisher = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_publisher] = await Environments.StorageAsync(Environments.Sqlite, _publisher),
        }, events => events.AddService(_publisher));
        var joined = Producer.Event("org-1", 1);

        ActivityTraceId traceId;
        ActivitySpanId requestSpan;
        using (var request = TestSource.StartActivity("AddMember request", ActivityKind.Server))
        {
            Assert.NotNull(request);
            (traceId, requestSpan) = (request.TraceId, request.SpanId);
            await Producer.CommitAsync(publisher.Store(_publisher), joined);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(TraceRecordingHandler.Seen.ContainsKey(joined.EventId)), Patience, "the handler to run");
        var (handlerTrace, handlerSpan) = TraceRecordingHandler.Seen[joined.EventId];
        Assert.Equal(traceId, handlerTrace);

        // Walk up from the handler's span: relay (producer) -> MassTransit publish -> consume ... back to the request.
        var chain = new List<Activity>();
        for (var span = handlerSpan; span != requestSpan; span = chain[^1].ParentSpanId)
        {
            Assert.True(started.TryGetValue(span, out var activity), $"span {span} of the chain {string.Join(" <- ", chain.Select(a => a.DisplayName))} was not recorded");
            Assert.Equal(traceId, activity.TraceId);
            chain.Add(activity);
        }
        Assert.Contains(chain, a => a.Source == OutboxRelay.ActivitySource && a.Kind == ActivityKind.Producer);
        Assert.Contains(chain, a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer);
    }
}
