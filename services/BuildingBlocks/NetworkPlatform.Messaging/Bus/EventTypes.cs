using System.Reflection;
using NetworkPlatform.Events;

namespace NetworkPlatform.Messaging.Bus;

/// <summary>
/// The domain event types the relay can publish, by CLR full name (the outbox's MessageType).
/// Built from the contracts assembly NetworkPlatform.Events (plus any assembly added at registration).
/// </summary>
public sealed class EventTypes
{
    private readonly Dictionary<string, Type> _byName;

    public EventTypes(IEnumerable<Assembly> assemblies)
    {
        _byName = assemblies.Distinct().SelectMany(FindIn).ToDictionary(t => t.FullName!, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<Type> All => _byName.Values;

    public Type? Find(string messageType) => _byName.GetValueOrDefault(messageType);

    /// <summary>Concrete event records: MassTransit needs a namespace to name their exchange.</summary>
    public static IEnumerable<Type> FindIn(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && typeof(IDomainEvent).IsAssignableFrom(t))
            .Select(t => string.IsNullOrEmpty(t.Namespace)
                ? throw new InvalidOperationException($"Event type {t.Name} has no namespace; put it in NetworkPlatform.Events.<Area>.")
                : t)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
}
