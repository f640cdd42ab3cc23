using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Benchmarks.Events;

[Aggregate("Benchmark")]
public sealed record BenchmarkEventHappened(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string Note) : IDomainEvent;

/// <summary>The consumer's part: nothing but the inbox record (the framework commits it).</summary>
public sealed class BenchmarkHandler : IEventHandler<BenchmarkEventHappened>
{
    public Task HandleAsync(BenchmarkEventHappened domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Ours: a publishing service and a consuming service, each with its own PostgreSQL database and bus connection.</summary>
internal sealed class OutboxSide : IEventSide, IConsumeObserver
{
    private readonly IHost _publisher;
    private readonly IHost _consumer;
    private readonly ArrivalRecorder _recorder = new();
    private readonly IDocumentStore _store;
    private readonly long[] _versions = new long[EventsBenchmark.Aggregates];

    private OutboxSide(IHost publisher, IHost consumer)
    {
        _publisher = publisher;
        _consumer = consumer;
        _store = publisher.Services.GetRequiredService<IDocumentStore>();
    }

    public string Name => "ours: outbox -> MassTransit -> inbox";

    public static async Task<OutboxSide> StartAsync(CancellationToken cancellationToken)
    {
        var rabbit = await RabbitMqServer.SharedAsync();
        var postgres = await PostgresServer.SharedAsync();
        var bus = new Dictionary<string, string?>
        {
            ["Transport"] = "rabbitmq",
            ["RabbitMq:Host"] = rabbit.Host,
            ["RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq:VirtualHost"] = await rabbit.CreateVirtualHostAsync(),
            ["RabbitMq:Username"] = rabbit.Username,
            ["RabbitMq:Password"] = rabbit.Password,
        };
        var publisher = await StartHostAsync("membership", await postgres.CreateDatabaseAsync("bench_membership"), bus, _ => { }, cancellationToken);
        var consumer = await StartHostAsync("reporting", await postgres.CreateDatabaseAsync("bench_reporting"), bus,
            service => service.AddHandler<BenchmarkHandler>(), cancellationToken);
        var side = new OutboxSide(publisher, consumer);
        consumer.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(side);
        return side;
    }

    public Task RunBurstAsync(int count, CancellationToken cancellationToken) =>
        EventsBenchmark.BurstAsync(count, _recorder, aggregate => CommitAsync(aggregate, cancellationToken), cancellationToken);

    public Task<List<double>> RunPacedAsync(int perSecond, TimeSpan duration, CancellationToken cancellationToken) =>
        EventsBenchmark.PaceAsync(perSecond, duration, _recorder, aggregate => CommitAsync(aggregate, cancellationToken), cancellationToken);

    /// <summary>A change to one aggregate: one transaction carrying its event (aggregates are split between producers).</summary>
    private async Task CommitAsync(int aggregate, CancellationToken cancellationToken)
    {
        var version = Interlocked.Increment(ref _versions[aggregate]);
        var domainEvent = new BenchmarkEventHappened(Guid.NewGuid(), DateTimeOffset.UtcNow, "network-bench", $"aggregate-{aggregate}", version, "A change happened.");
        await using var unitOfWork = await _store.BeginAsync(cancellationToken);
        await unitOfWork.PublishAsync(domainEvent, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
    }

    /// <summary>After the consumer (and its inbox commit) finished.</summary>
    Task IConsumeObserver.PostConsume<T>(ConsumeContext<T> context)
    {
        if (context.Message is BenchmarkEventHappened happened)
        {
            _recorder.Record(happened.OccurredAt);
        }
        return Task.CompletedTask;
    }

    Task IConsumeObserver.PreConsume<T>(ConsumeContext<T> context) => Task.CompletedTask;

    Task IConsumeObserver.ConsumeFault<T>(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;

    private static async Task<IHost> StartHostAsync(
        string service, string connectionString, Dictionary<string, string?> bus, Action<EventServiceBuilder> handlers, CancellationToken cancellationToken)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        var storage = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Provider"] = "postgres",
            ["ConnectionString"] = connectionString,
        }).Build();
        builder.Services.AddDocumentStore(storage, service, []);
        builder.Services.AddEventBus(new ConfigurationBuilder().AddInMemoryCollection(bus).Build(), events => events
            .AddEventTypesFrom(typeof(BenchmarkEventHappened).Assembly)
            .AddService(service, handlers));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, cancellationToken);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.StopAsync();
        await _consumer.StopAsync();
        _publisher.Dispose();
        _consumer.Dispose();
    }
}
