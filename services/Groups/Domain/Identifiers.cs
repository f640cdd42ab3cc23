namespace NetworkPlatform.Groups.Domain;

/// <summary>Resource ids chosen by callers or generated: lower-case letters, digits and hyphens.</summary>
public static class Identifiers
{
    public const string Rule = "Use 1..63 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. " +
        "\"wg-digital-bullying\").";

    public static bool IsValid(string id) =>
        id.Length is >= 1 and <= 63
        && (char.IsAsciiLetterLower(id[0]) || char.IsAsciiDigit(id[0]))
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>A new id: the prefix and 12 random hex digits.</summary>
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
