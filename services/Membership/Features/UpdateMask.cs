using Google.Protobuf.WellKnownTypes;

namespace NetworkPlatform.Membership.Features;

/// <summary>AIP-134 field masks: an empty mask means every updatable field; unknown paths are field violations.</summary>
public static class UpdateMask
{
    public static IReadOnlySet<string> Paths(Validation validation, FieldMask? mask, IReadOnlyCollection<string> updatable)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return updatable.ToHashSet(StringComparer.Ordinal);
        }
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < mask.Paths.Count; i++)
        {
            var path = mask.Paths[i];
            if (updatable.Contains(path))
            {
                paths.Add(path);
            }
            else
            {
                validation.Add($"update_mask.paths[{i}]", $"'{path}' cannot be updated; updatable fields are {string.Join(", ", updatable)}.");
            }
        }
        return paths;
    }
}
