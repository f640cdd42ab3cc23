namespace NetworkPlatform.Application.Validation;

/// <summary>AIP-134 field masks: an empty mask means every updatable field; a path that cannot be updated is a violation.</summary>
public static class UpdateMasks
{
    public static Violations UpdateMask(this Violations violations, string field, IReadOnlyList<string> paths,
        IReadOnlyCollection<string> updatable)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            violations.Require(updatable.Contains(paths[i]), $"{field}.paths[{i}]",
                $"{Violations.Quote(paths[i])} cannot be updated; updatable fields are {string.Join(", ", updatable)}.");
        }
        return violations;
    }

    /// <summary>The fields a validated update changes.</summary>
    public static IReadOnlySet<string> Effective(IReadOnlyList<string> paths, IReadOnlyCollection<string> updatable) =>
        (paths.Count == 0 ? updatable : paths).ToHashSet(StringComparer.Ordinal);
}
