namespace NetworkPlatform.Events;

/// <summary>
/// The kind of aggregate an event's AggregateId names, e.g. "Group": the event's stream is its network, this type and the
/// aggregate id, and AggregateVersion counts 1, 2, 3, ... within the stream (assigned when the event enters the outbox).
/// A type names one stream kind of one producing service, so two services never count the same stream.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AggregateAttribute(string type) : Attribute
{
    public string Type { get; } = type;

    /// <summary>The aggregate type declared on <paramref name="eventType"/>; every event type declares one.</summary>
    public static string Of(Type eventType) =>
        eventType.GetCustomAttributes(typeof(AggregateAttribute), inherit: false) is [AggregateAttribute aggregate]
            ? aggregate.Type
            : throw new InvalidOperationException($"{eventType.FullName} declares no [Aggregate(\"...\")]: name its aggregate type.");
}
