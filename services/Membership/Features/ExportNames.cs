namespace NetworkPlatform.Membership.Features;

/// <summary>
/// The directory export names enum values in lower snake case. (Events use the enum's own name, PascalCase, as every
/// service's events do: docs/events/README.md.)
/// </summary>
public static class ExportNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0
            && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
