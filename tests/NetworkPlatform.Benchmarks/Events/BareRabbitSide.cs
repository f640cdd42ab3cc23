using System.Buffers.Binary;
using NetworkPlatform.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace NetworkPlatform.Benchmarks.Events;

/// <summary>The floor: RabbitMQ.Client publishing persistent messages with confirms to a quorum queue, one consumer acking each.</summary>
internal sealed class BareRabbitSide : IEventSide
{
    private const string Queue = "bare.events";
    private readonly IConnection _connection;
    private readonly IChannel _publisher;
    private readonly IChannel _consumer;
    private readonly ArrivalRecorder _recorder = new();
    private readonly byte[] _padding = new byte[1200]; // About the size of our MassTransit JSON envelope (1,170-1,240 bytes measured).

    private BareRabbitSide(IConnection connection, IChannel publisher, IChannel consumer)
    {
        _connection = connection;
        _publisher = publisher;
        _consumer = consumer;
    }

    public string Name => "bare RabbitMQ.Client (confirms, acks)";

    public static async Task<BareRabbitSide> StartAsync(CancellationToken cancellationToken)
    {
        var rabbit = await RabbitMqServer.SharedAsync();
        var virtualHost = await rabbit.CreateVirtualHostAsync();
        var factory = new ConnectionFactory { HostName = rabbit.Host, Port = rabbit.Port, VirtualHost = virtualHost, UserName = rabbit.Username, Password = rabbit.Password };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var consumer = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await consumer.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await consumer.BasicQosAsync(0, 32, false, cancellationToken);
        var side = new BareRabbitSide(connection, publisher, consumer);
        var handler = new AsyncEventingBasicConsumer(consumer);
        handler.ReceivedAsync += async (_, delivery) =>
        {
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(delivery.Body.Span);
            await consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            side._recorder.Record(new DateTimeOffset(ticks, TimeSpan.Zero));
        };
        await consumer.BasicConsumeAsync(Queue, autoAck: false, handler, cancellationToken);
        return side;
    }

    public Task RunBurstAsync(int count, CancellationToken cancellationToken) =>
        EventsBenchmark.BurstAsync(count, _recorder, _ => PublishAsync(cancellationToken), cancellationToken);

    public Task<List<double>> RunPacedAsync(int perSecond, TimeSpan duration, CancellationToken cancellationToken) =>
        EventsBenchmark.PaceAsync(perSecond, duration, _recorder, _ => PublishAsync(cancellationToken), cancellationToken);

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        var body = new byte[8 + _padding.Length];
        BinaryPrimitives.WriteInt64LittleEndian(body, DateTimeOffset.UtcNow.UtcTicks);
        var properties = new BasicProperties { DeliveryMode = DeliveryModes.Persistent, MessageId = Guid.NewGuid().ToString() };
        await _publisher.BasicPublishAsync("", Queue, mandatory: false, properties, body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _consumer.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
