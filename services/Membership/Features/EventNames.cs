namespace NetworkPlatform.Membership.Features;

/// <summary>Event payloads (and exports) name enum values in lower snake case, stable across languages.</summary>
public static class EventNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0
            && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
