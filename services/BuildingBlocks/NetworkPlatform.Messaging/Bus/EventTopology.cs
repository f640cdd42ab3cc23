using System.Text;
using MassTransit.RabbitMqTransport;

namespace NetworkPlatform.Messaging.Bus;

/// <summary>
/// Names on the broker. Each event type is published to a durable fanout exchange named by MassTransit's default
/// formatter, "Namespace:TypeName" (e.g. NetworkPlatform.Events.Membership:OrganisationJoined).
/// Each consumer (handler class) has its own durable quorum queue "service.handler-name" bound to the exchanges of the
/// events it handles, and a "service.handler-name_error" queue that keeps messages that failed every retry.
/// Each listener has a temporary queue per process (auto-delete, exclusive, not durable), bound to the same exchanges.
/// </summary>
public static class EventTopology
{
    private static readonly RabbitMqMessageNameFormatter Formatter = new();

    public static string ExchangeName(Type eventType) => Formatter.GetMessageName(eventType).ToString();

    public static string QueueName(string serviceName, Type handlerType) => $"{serviceName}.{KebabCase(handlerType.Name)}";

    public static string ErrorQueueName(string queueName) => queueName + "_error";

    /// <summary>
    /// The tag in the name of a listener's temporary queue ("service.listener-name"); MassTransit adds the host, the
    /// process and a unique id, so each process gets its own queue.
    /// </summary>
    public static string ListenerQueueTag(string serviceName, Type listenerType) => QueueName(serviceName, listenerType);

    private static string KebabCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
