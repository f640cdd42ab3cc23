using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MassTransit.Serialization;

namespace NetworkPlatform.Messaging.Bus;

/// <summary>
/// How events look on the wire: MassTransit's JSON envelope (application/vnd.masstransit+json) whose "message" is the
/// event in camelCase, enums as names, decimals as strings (MassTransit's default, exact for money).
/// </summary>
public static class WireFormat
{
    public const string ContentType = "application/vnd.masstransit+json";

    /// <summary>
    /// An event's JSON as the envelope's "message" carries it, for whoever hands events out by other ways than the broker
    /// (reporting's event log and its replay), so that both say the same.
    /// </summary>
    public static JsonSerializerOptions EventBody { get; } = ReadOnly(Configure(
        new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }));

    /// <summary>Applied to MassTransit's serializer options by the bus, and to the catalogue's schema generator.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        // MassTransit indents its JSON: 12 % of every message on the wire (1,411 -> 1,238 bytes for a small event).
        options.WriteIndented = false;
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
        {
            options.Converters.Add(new JsonStringEnumConverter());
        }
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(OmitSender);
        return options;
    }

    private static JsonSerializerOptions ReadOnly(JsonSerializerOptions options)
    {
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// The envelope does not say where it came from: MassTransit's "host" (machine name, process name and id, versions) and
    /// "sourceAddress" (the publishing bus's endpoint, named after the machine and process) tell consumers nothing they
    /// need and outsiders where to look. Nothing in the platform reads them. Fields MassTransit leaves null are left out.
    /// </summary>
    private static void OmitSender(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(JsonMessageEnvelope))
        {
            return;
        }
        foreach (var property in typeInfo.Properties)
        {
            // The rest only when set (MassTransit writes requestId, faultAddress, ... as null): what is there is documented.
            property.ShouldSerialize = property.Name is "host" or "sourceAddress" ? (_, _) => false : (_, value) => value is not null;
        }
    }
}
