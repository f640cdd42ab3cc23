using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Testing;

/// <summary>The values an event field lists in the catalogue ([property: AllowedValues(...)] on the event record).</summary>
public static class EventValues
{
    public static IReadOnlyList<string> Of(Type eventType, string property) =>
        eventType.GetProperty(property)?.GetCustomAttributes(typeof(AllowedValuesAttribute), inherit: false) is
            [AllowedValuesAttribute allowed]
            ? [.. allowed.Values.Select(v => (string)v!)]
            : throw new InvalidOperationException($"{eventType.Name}.{property} lists no values.");
}
