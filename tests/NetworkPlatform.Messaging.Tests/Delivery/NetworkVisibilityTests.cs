using System.Text;
using System.Text.Json.Nodes;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Catalogue;
using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace NetworkPlatform.Messaging.Tests.Delivery;

/// <summary>
/// A consumer sees the networks its broker user may see, and no others: it binds to the consumers' topic exchange with
/// "network.#", RabbitMQ's topic permissions refuse a binding key of another network, and its read permission keeps it
/// off the per-type fanout exchanges (which carry every network). Set up as docs/events/README.md tells an operator to.
/// </summary>
public sealed class NetworkVisibilityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _publisher = "membership-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _user = "dash" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task a_consumer_binds_and_gets_only_the_networks_its_user_may_see()
    {
        var rabbit = await RabbitMqServer.SharedAsync();
        var bus = await Environments.RabbitMqBusAsync(rabbit);
        var virtualHost = bus["Bus:RabbitMq:VirtualHost"]!;
        await rabbit.CtlAsync("add_user", _user, "secret");
        await rabbit.CtlAsync("set_permissions", "-p", virtualHost, _user, $"^{_user}\\..*", $"^{_user}\\..*",
            $"^({_user}\\..*|NetworkPlatform\\.Events)$");
        await rabbit.CtlAsync("set_topic_permissions", "-p", virtualHost, _user, NetworkExchange.Name, "^$", "^network-a\\.");
        await using var publisher = await ServiceHost.StartAsync(bus, new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            [_publisher] = await Environments.StorageAsync(Environments.Sqlite, _publisher),
        }, events => events.AddService(_publisher));

        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host, Port = rabbit.Port, VirtualHost = virtualHost, UserName = _user, Password = "secret",
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"{_user}.events";
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: false);
        // The relay declares the exchange once its bus is up.
        await Eventually.HoldsAsync(
            async () => await RefusalAsync(connection, c => c.ExchangeDeclarePassiveAsync(NetworkExchange.Name)) == 0,
            Patience, "the consumers' exchange");
        await channel.QueueBindAsync(queue, NetworkExchange.Name, "network-a.#");

        Assert.Equal(403, await RefusalAsync(connection, c => c.QueueBindAsync(queue, NetworkExchange.Name, "network-b.#")));
        Assert.Equal(403, await RefusalAsync(connection, c => c.QueueBindAsync(queue, NetworkExchange.Name, "#")));
        Assert.Equal(403, await RefusalAsync(connection,
            c => c.QueueBindAsync(queue, EventTopology.ExchangeName(typeof(MemberJoined)), "")));

        var store = publisher.Store(_publisher);
        foreach (var network in new[] { "network-b", "network-a", "network-b", "network-a" })
        {
            await Producer.CommitAsync(store, new MemberJoined(Guid.NewGuid(), DateTimeOffset.UtcNow, network, "group-1", 0, "Ada",
                MemberRole.Representative));
        }

        var received = new List<JsonNode>();
        await Eventually.HoldsAsync(async () =>
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
            {
                received.Add(JsonNode.Parse(Encoding.UTF8.GetString(delivery.Body.Span))!);
                Assert.Equal("network-a.TestHost.MemberJoined", delivery.RoutingKey);
            }
            return received.Count >= 2;
        }, Patience, "network-a's two events");
        await Task.Delay(500); // Another network's event would be here by now.
        Assert.Null(await channel.BasicGetAsync(queue, autoAck: true));
        Assert.Equal(["network-a", "network-a"], received.Select(m => (string?)m["message"]!["networkId"]));

        // The envelope holds what the catalogue documents, and nothing of the machine or process that sent it.
        var envelope = JsonNode.Parse(AsyncApiCatalogue.Generate([typeof(MemberJoined)]))!["components"]!["messages"]!
            ["NetworkPlatform.Messaging.TestHost.MemberJoined"]!["payload"]!;
        var documented = envelope["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var message in received)
        {
            Assert.All(message.AsObject().Select(p => p.Key), field => Assert.Contains(field, documented));
            Assert.DoesNotContain(Environment.MachineName, message.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The reply code the broker closed the channel with (403: access refused, 404: not found), or 0 when it allowed it.</summary>
    private static async Task<int> RefusalAsync(IConnection connection, Func<IChannel, Task> operation)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await operation(channel);
            return 0;
        }
        catch (OperationInterruptedException e)
        {
            return e.ShutdownReason?.ReplyCode ?? -1;
        }
    }
}
