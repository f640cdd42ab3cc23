using System.Text.RegularExpressions;
using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Meetings.Features;

/// <summary>
/// The meetings service's field rules (ids chosen by callers, time zones, links), beside the shared ones of <see cref="Violations"/>.
/// </summary>
public static partial class MeetingRules
{
    /// <summary>The most a request_id may have: retries send it back, so it is kept as sent.</summary>
    public const int MaxRequestId = 100;

    /// <summary>The most measures an agenda item may name (each is checked with the groups service).</summary>
    public const int MaxAgendaMeasures = 20;

    /// <summary>The measures an agenda item names, each once.</summary>
    public static List<string> AgendaMeasures(IReadOnlyList<string> measureIds) =>
        measureIds.Where(id => id.Length > 0).Distinct().ToList();

    public static Violations AgendaMeasures(this Violations violations, IReadOnlyList<string> measureIds, string field) =>
        violations.Require(AgendaMeasures(measureIds).Count <= MaxAgendaMeasures, field,
            $"Name at most {MaxAgendaMeasures} measures per agenda item; this names {AgendaMeasures(measureIds).Count}.");

    public static Violations NotEmpty(this Violations violations, string value, string field, string what) =>
        violations.Require(!string.IsNullOrWhiteSpace(value), field, $"Give the {what}.");

    public static Violations MaxLength(this Violations violations, string field, string value, int maxLength) =>
        violations.Require(value.Length <= maxLength, field, $"At most {maxLength} characters; this has {value.Length}.");

    /// <summary>Optional ids chosen by the caller: lower-case letters, digits, hyphens, 3..63.</summary>
    public static Violations OptionalId(this Violations violations, string value, string field) =>
        violations.Require(value.Length == 0 || IdPattern().IsMatch(value), field,
            "Use 3 to 63 lower-case letters, digits and hyphens, or leave it empty to get one generated.");

    public static Violations OptionalTimeZone(this Violations violations, string value, string field) =>
        violations.Require(value.Length == 0 || TryZone(value) is not null, field,
            $"'{value}' is not an IANA time zone; use one like Europe/Oslo.");

    public static Violations Link(this Violations violations, string value, string field) =>
        violations.Require(IsLink(value), field, "Give an absolute http(s) link, or leave it empty.");

    /// <summary>A year of cadence (2000..2100), or 0 for this year.</summary>
    public static Violations Year(this Violations violations, int year) =>
        violations.Require(year == 0 || year is >= 2000 and <= 2100, "year", "Use a year between 2000 and 2100, or 0 for this year.");

    /// <summary>A range whose end, when both are given, comes after its start.</summary>
    public static Violations EndAfterStart(this Violations violations, DateTimeOffset? start, DateTimeOffset? end, string field,
        string message) =>
        violations.Require(start is null || end is null || end > start, field, message);

    public static TimeZoneInfo? TryZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;

    private static bool IsLink(string value) =>
        value.Length == 0 || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex IdPattern();
}
