using RabbitMQ.Client;

namespace NetworkPlatform.Messaging.Bus;

/// <summary>
/// The consumers' way in, one network at a time: the topic exchange "NetworkPlatform.Events", to which every event type's
/// fanout exchange is bound. The relay publishes each event with the routing key "network.Area.TypeName" (fanout
/// exchanges ignore it; the platform's own queues stay bound to those), so a queue bound here with "network.#" gets that
/// network's events only, and RabbitMQ's topic permissions (read pattern on the binding key) decide which networks a
/// consumer's user may bind. The routing key is the only place a network id is a broker word: network ids hold no dots.
/// </summary>
public static class NetworkExchange
{
    public const string Name = "NetworkPlatform.Events";

    public static string RoutingKey(string networkId, Type eventType) =>
        $"{networkId}.{eventType.Namespace![(eventType.Namespace!.LastIndexOf('.') + 1)..]}.{eventType.Name}";

    /// <summary>Declares the exchange and binds every event type's exchange to it (both idempotent), before the relay publishes.</summary>
    public static async Task DeclareAsync(RabbitMqOptions options, IEnumerable<Type> eventTypes, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = options.Host,
            Port = options.Port,
            VirtualHost = options.VirtualHost,
            UserName = options.Username,
            Password = options.Password,
            ClientProvidedName = "network-exchange-setup",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Name, ExchangeType.Topic, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);
        foreach (var eventType in eventTypes)
        {
            // As MassTransit declares it (durable fanout), in case this runs first.
            var exchange = EventTopology.ExchangeName(eventType);
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false,
                cancellationToken: cancellationToken);
            await channel.ExchangeBindAsync(Name, exchange, "", cancellationToken: cancellationToken);
        }
    }
}
