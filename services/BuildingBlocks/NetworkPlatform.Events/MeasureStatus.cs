using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkPlatform.Events;

/// <summary>
/// The one status vocabulary of a measure (networkplatform.common.v1.MeasureStatus): groups keeps it on the measure,
/// meetings in measure-status decisions, reporting in progress reports; events carry its names. The declaration order
/// is reporting's former enum, whose documents stored the numbers.
/// </summary>
[JsonConverter(typeof(MeasureStatusJsonConverter))]
public enum MeasureStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    Late,
    Done,
    Cancelled,
}

public static class MeasureStatuses
{
    /// <summary>
    /// A status by its name, case-insensitive, also under the words groups and meetings used before the one vocabulary
    /// (Planned, InProgress, Completed, Postponed), which stored documents and logged events still hold.
    /// </summary>
    public static bool TryParse(string? name, out MeasureStatus status)
    {
        var current = name?.Trim().ToLowerInvariant() switch
        {
            "planned" => nameof(MeasureStatus.NotStarted),
            "inprogress" => nameof(MeasureStatus.OnTrack),
            "completed" => nameof(MeasureStatus.Done),
            "postponed" => nameof(MeasureStatus.Late),
            _ => name,
        };
        return Enum.TryParse(current, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(current, out _);
    }

    /// <summary>A name <see cref="TryParse"/> accepts (events and documents of this platform).</summary>
    public static MeasureStatus Parse(string name) => TryParse(name, out var status) ? status
        : throw new FormatException($"'{name}' is not a measure status; use one of {string.Join(", ", Enum.GetNames<MeasureStatus>())}.");
}

/// <summary>Writes the name; reads a name (also a former one) or the number reporting's documents stored.</summary>
public sealed class MeasureStatusJsonConverter : JsonConverter<MeasureStatus>
{
    public override MeasureStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && Enum.IsDefined((MeasureStatus)number)
            ? (MeasureStatus)number
            : MeasureStatuses.TryParse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null, out var status)
                ? status
                : throw new JsonException($"Not a measure status: {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, MeasureStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
