using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Application.Failures;

namespace NetworkPlatform.Hosting.Api;

/// <summary>
/// Partial responses (AIP-157): a list's read_mask names the fields of each item the caller needs (a dashboard that needs
/// names asks for id and display_name), so a page carries those alone. Checked after the call is authorized.
/// </summary>
public static class ReadMasks
{
    /// <summary>Keeps in each item only the fields <paramref name="mask"/> names; all of them when it names none.</summary>
    public static void Apply<TItem>(RepeatedField<TItem> items, FieldMask? mask)
        where TItem : class, IMessage<TItem>, new()
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return;
        }
        // JSON callers name fields as JSON does (displayName); the transcoder passes the query's text on as it came.
        var paths = new FieldMask { Paths = { mask.Paths.Select(ProtoName) } };
        var descriptor = new TItem().Descriptor;
        var unknown = paths.Paths.Where(path => !FieldMask.IsValid(descriptor, path)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidFieldsException("read_mask",
                $"{string.Join(", ", unknown.Select(p => $"'{Truncated(p)}'"))} is no field of {descriptor.Name}; name fields such as "
                + $"{string.Join(", ", descriptor.Fields.InDeclarationOrder().Take(3).Select(f => f.Name))}, or leave read_mask empty.");
        }
        for (var i = 0; i < items.Count; i++)
        {
            var partial = new TItem();
            paths.Merge(items[i], partial);
            items[i] = partial;
        }
    }

    /// <summary>display_name for displayName (lowerCamelCase, the JSON names, to the proto field names).</summary>
    private static string ProtoName(string path) =>
        string.Concat(path.Trim().Select(c => char.IsAsciiLetterUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    private static string Truncated(string path) => path.Length <= 60 ? path : path[..60] + "...";
}
