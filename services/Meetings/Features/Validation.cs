using System.Text.RegularExpressions;
using NetworkPlatform.Hosting.Errors;

namespace NetworkPlatform.Meetings.Features;

/// <summary>The meetings service's field rules (ids chosen by callers, time zones).</summary>
public sealed partial class Validation : FieldViolations<Validation>
{
    public Validation NotEmpty(string value, string field, string what) =>
        Require(!string.IsNullOrWhiteSpace(value), field, $"Give the {what}.");

    /// <summary>Optional ids chosen by the caller: lower-case letters, digits, hyphens, 3..63.</summary>
    public Validation OptionalId(string value, string field) =>
        Require(value.Length == 0 || IdPattern().IsMatch(value), field, "Use 3 to 63 lower-case letters, digits and hyphens, or leave it empty to get one generated.");

    public Validation TimeZone(string value, string field) =>
        Require(value.Length == 0 || TryZone(value) is not null, field, $"'{value}' is not an IANA time zone; use one like Europe/Oslo.");

    public static TimeZoneInfo? TryZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex IdPattern();
}
