using System.Globalization;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;

namespace NetworkPlatform.Groups.Features;

/// <summary>The field rules the groups use cases share, and the domain's field errors under the request's paths.</summary>
public static class GroupsRules
{
    /// <summary>A calendar date as YYYY-MM-DD, or empty for none.</summary>
    public static Violations Date(this Violations violations, string field, string value) =>
        violations.Require(value.Length == 0 || ParseDate(value) is not null, field,
            $"{Violations.Quote(value)} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-31.");

    /// <summary>The date of a validated field; null when empty.</summary>
    public static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>An id the caller chooses for a new resource, or empty to get one generated.</summary>
    public static Violations NewId(this Violations violations, string field, string requested) =>
        violations.Require(requested.Length == 0 || Identifiers.IsValid(requested), field, Identifiers.Rule);

    /// <summary>The caller's validated id, or a new one with the prefix.</summary>
    public static string IdOrNew(string requested, string prefix) => requested.Length == 0 ? Identifiers.New(prefix) : requested;

    /// <summary>A value the caller must name (an id of something that exists).</summary>
    public static Violations Named(this Violations violations, string field, string value, string description) =>
        violations.Require(!string.IsNullOrWhiteSpace(value), field, description);

    public static Violations GroupId(this Violations violations, string groupId) =>
        violations.Named("group_id", groupId, "Name the group; list the groups to find its id.");

    public static Violations MeasureId(this Violations violations, string measureId) =>
        violations.Named("measure_id", measureId, "Name the measure; list the measures of the year to find its id.");

    /// <summary>A known value of an enum: null stands for UNSPECIFIED, an undefined one for a number from a newer client.</summary>
    public static Violations Known<TEnum>(this Violations violations, string field, TEnum? value, string description)
        where TEnum : struct, Enum =>
        violations.Require(value is { } known && Enum.IsDefined(known), field, description);

    /// <summary>Runs a domain step, reporting its field errors as the request spells them (e.g. "group." + "end_date").</summary>
    public static T Under<T>(string prefix, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (InvalidFieldsException e)
        {
            throw new InvalidFieldsException([.. e.Violations.Select(v => v with { Field = prefix + v.Field })]);
        }
    }
}
