using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkPlatform.Storage.Sql;

/// <summary>How a field is compared in SQL: as text (bytewise) or as an integer.</summary>
internal enum ScalarKind
{
    Text,
    Integer,
}

/// <summary>A field as stored: its JSON property names from the document down, and how its values compare.</summary>
internal sealed record JsonField(DocumentField Field, IReadOnlyList<string> Names, ScalarKind Kind);

/// <summary>
/// Maps document fields onto the JSON the store writes, with the store's serializer options (names, enum converters),
/// and turns query values into the scalars that JSON holds.
/// </summary>
internal sealed class JsonFields(JsonSerializerOptions json)
{
    /// <summary>The adapters' serializer options unless a service passes its own.</summary>
    public static readonly JsonSerializerOptions DefaultJson = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<DocumentField, JsonField> known = new();

    public JsonField Of(DocumentField field) =>
        known.GetOrAdd(field, f => new JsonField(f, [.. f.Properties.Select(NameOf)], KindOf(f.ValueType)));

    /// <summary>The value as the stored JSON holds it: a string or a long; null for none. Timestamps are compared in UTC.</summary>
    public object? Scalar(DocumentField field, object? value)
    {
        if (value is null)
        {
            return null;
        }
        if (value is DateTimeOffset timestamp)
        {
            value = timestamp.ToUniversalTime();
        }
        var element = JsonSerializer.SerializeToElement(value, field.ValueType, json);
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetInt64(),
            _ => throw new ArgumentException($"{field} holds {element.ValueKind} in JSON, which the store cannot compare."),
        };
    }

    /// <summary>Indexed timestamps must be UTC: their ISO 8601 text (what the indexes hold) orders by time only at one offset.</summary>
    public static void EnsureIndexable<T>(DocumentCollection<T> collection, T document)
        where T : class
    {
        foreach (var field in collection.Indexes.SelectMany(i => i.Fields).Where(f => f.ValueType == typeof(DateTimeOffset)))
        {
            if (field.ValueIn(document) is DateTimeOffset { Offset.Ticks: not 0 } local)
            {
                throw new ArgumentException(
                    $"{collection.Name}.{field} is indexed and must be stored in UTC, not {local:O}: convert it with ToUniversalTime() "
                        + "first, so that its text orders by time.",
                    nameof(document));
            }
        }
    }

    private string NameOf(PropertyInfo property)
    {
        var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
            ?? json.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : throw new ArgumentException($"The JSON name '{name}' of {property.DeclaringType?.Name}.{property.Name} cannot be "
                + "indexed: use letters, digits and _.");
    }

    private ScalarKind KindOf(Type type)
    {
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return ScalarKind.Integer;
        }
        if (type.IsEnum)
        {
            // Numbers by default, names under a JsonStringEnumConverter: whatever the serializer writes.
            var sample = JsonSerializer.SerializeToElement(Enum.GetValues(type).GetValue(0), type, json);
            return sample.ValueKind == JsonValueKind.Number ? ScalarKind.Integer : ScalarKind.Text;
        }
        return ScalarKind.Text;
    }
}
