using System.Text.RegularExpressions;
using Google.Rpc;
using NetworkPlatform.Grpc;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Collects every bad field of a request, then answers INVALID_ARGUMENT with all of them at once.</summary>
public sealed partial class Validation
{
    private readonly List<BadRequest.Types.FieldViolation> violations = [];

    public Validation Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }
        return this;
    }

    public Validation NotEmpty(string value, string field, string what) =>
        Require(!string.IsNullOrWhiteSpace(value), field, $"Give the {what}.");

    public Validation MaxLength(string value, int max, string field) =>
        Require(value.Length <= max, field, $"At most {max} characters; this has {value.Length}.");

    /// <summary>Optional ids chosen by the caller: lower-case letters, digits, hyphens, 3..63.</summary>
    public Validation OptionalId(string value, string field) =>
        Require(value.Length == 0 || IdPattern().IsMatch(value), field, "Use 3 to 63 lower-case letters, digits and hyphens, or leave it empty to get one generated.");

    public Validation TimeZone(string value, string field) =>
        Require(value.Length == 0 || TryZone(value) is not null, field, $"'{value}' is not an IANA time zone; use one like Europe/Oslo.");

    public void ThrowIfInvalid()
    {
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
    }

    public static TimeZoneInfo? TryZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex IdPattern();
}
