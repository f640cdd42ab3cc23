using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Benchmarks.Events;

/// <summary>
/// MassTransit alone, with the platform's wire format and endpoint settings (publisher confirms, quorum queue, the
/// default consumer concurrency, prefetch and retries) but no outbox and no inbox: the producers publish directly and
/// the consumer does nothing. Between bare and ours it shows what the framework costs and what the outbox and inbox add.
/// </summary>
internal sealed class MassTransitSide : IEventSide
{
    private readonly ServiceProvider _services;
    private readonly IBusControl _bus;
    private readonly ArrivalRecorder _recorder;

    private MassTransitSide(ServiceProvider services)
    {
        _services = services;
        _bus = services.GetRequiredService<IBusControl>();
        _recorder = services.GetRequiredService<ArrivalRecorder>();
    }

    public string Name => "MassTransit alone (no outbox, no inbox)";

    public static async Task<MassTransitSide> StartAsync(CancellationToken cancellationToken)
    {
        var rabbit = await RabbitMqServer.SharedAsync();
        var virtualHost = await rabbit.CreateVirtualHostAsync();
        var defaults = new BusOptions();
        var services = new ServiceCollection();
        services.AddSingleton<ArrivalRecorder>();
        services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddConsumer<RecordingConsumer>();
            bus.UsingRabbitMq((context, rabbitBus) =>
            {
                rabbitBus.Host(rabbit.Host, (ushort)rabbit.Port, virtualHost, host =>
                {
                    host.Username(rabbit.Username);
                    host.Password(rabbit.Password);
                    host.PublisherConfirmation = true;
                });
                rabbitBus.ConfigureJsonSerializerOptions(WireFormat.Configure);
                rabbitBus.Publish<IDomainEvent>(p => p.Exclude = true);
                rabbitBus.ReceiveEndpoint("bench.masstransit-alone", endpoint =>
                {
                    endpoint.SetQuorumQueue();
                    endpoint.ConcurrentMessageLimit = defaults.ConsumerConcurrency;
                    endpoint.PrefetchCount = defaults.PrefetchCount;
                    endpoint.UseMessageRetry(retry => retry.Intervals(BusOptions.DefaultRetryIntervals));
                    endpoint.ConfigureConsumer<RecordingConsumer>(context);
                });
            });
        });
        var provider = services.BuildServiceProvider();
        var busControl = provider.GetRequiredService<IBusControl>();
        await busControl.StartAsync(cancellationToken);
        await busControl.WaitForHealthStatus(BusHealthStatus.Healthy, cancellationToken);
        return new MassTransitSide(provider);
    }

    public Task RunBurstAsync(int count, CancellationToken cancellationToken) =>
        EventsBenchmark.BurstAsync(count, _recorder, aggregate => PublishAsync(aggregate, cancellationToken), cancellationToken);

    public Task<List<double>> RunPacedAsync(int perSecond, TimeSpan duration, CancellationToken cancellationToken) =>
        EventsBenchmark.PaceAsync(perSecond, duration, _recorder, aggregate => PublishAsync(aggregate, cancellationToken), cancellationToken);

    private Task PublishAsync(int aggregate, CancellationToken cancellationToken) =>
        _bus.Publish(new BenchmarkEventHappened(Guid.NewGuid(), DateTimeOffset.UtcNow, "network-bench", $"aggregate-{aggregate}", 0, "A change happened."), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await _services.DisposeAsync();
    }

    private sealed class RecordingConsumer(ArrivalRecorder recorder) : IConsumer<BenchmarkEventHappened>
    {
        public Task Consume(ConsumeContext<BenchmarkEventHappened> context)
        {
            recorder.Record(context.Message.OccurredAt);
            return Task.CompletedTask;
        }
    }
}
