using System.Linq.Expressions;
using System.Reflection;

namespace NetworkPlatform.Storage;

/// <summary>
/// A field of a stored document that indexes and queries name: a chain of properties from the document (m => m.GroupId,
/// o => o.Membership.State). The adapter maps it onto the stored JSON with its serializer's names, so an index is built
/// from the documents as they are stored. Scalars only (no collections): strings, enums, integers, DateOnly,
/// Guid, and DateTimeOffset, which must be stored in UTC so that its ISO 8601 text orders by time.
/// </summary>
public sealed class DocumentField : IEquatable<DocumentField>
{
    private static readonly Type[] Supported =
        [typeof(string), typeof(int), typeof(long), typeof(short), typeof(DateOnly), typeof(DateTimeOffset), typeof(Guid)];

    private DocumentField(IReadOnlyList<PropertyInfo> properties, Type valueType)
    {
        Properties = properties;
        ValueType = valueType;
        Path = string.Join('.', properties.Select(p => p.Name));
    }

    /// <summary>The property names from the document, joined by dots ("Membership.State").</summary>
    public string Path { get; }

    public IReadOnlyList<PropertyInfo> Properties { get; }

    /// <summary>The property's type, without Nullable.</summary>
    public Type ValueType { get; }

    public static DocumentField Of(LambdaExpression field)
    {
        var body = field.Body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert
            ? convert.Operand : field.Body;
        var properties = new List<PropertyInfo>();
        while (body is MemberExpression { Member: PropertyInfo property } member)
        {
            properties.Insert(0, property);
            body = member.Expression!;
        }
        if (body != field.Parameters[0] || properties.Count == 0)
        {
            throw new ArgumentException(
                $"Index and query on a chain of properties of the document, like d => d.GroupId; '{field}' is not one.", nameof(field));
        }
        var type = Nullable.GetUnderlyingType(properties[^1].PropertyType) ?? properties[^1].PropertyType;
        if (!type.IsEnum && !Supported.Contains(type))
        {
            throw new ArgumentException(
                $"'{field}' is a {type.Name}: index a string, enum, integer, DateOnly, Guid or DateTimeOffset property "
                    + "(one value per document).",
                nameof(field));
        }
        return new DocumentField(properties, type);
    }

    /// <summary>The field's value in <paramref name="document"/>; null when it or a property on the way is null.</summary>
    public object? ValueIn(object document)
    {
        object? value = document;
        foreach (var property in Properties)
        {
            if (value is null)
            {
                return null;
            }
            value = property.GetValue(value);
        }
        return value;
    }

    public bool Equals(DocumentField? other) => other is not null && other.Path == Path && other.ValueType == ValueType;

    public override bool Equals(object? obj) => Equals(obj as DocumentField);

    public override int GetHashCode() => HashCode.Combine(Path, ValueType);

    public override string ToString() => Path;
}
