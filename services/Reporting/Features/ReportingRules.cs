using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Reporting.Features;

/// <summary>A calendar date as the caller sent it (year, month, day), checked by <see cref="ReportingRules.Date"/>.</summary>
public sealed record CalendarDay(int Year, int Month, int Day)
{
    public bool IsDate => Year is >= 1 and <= 9999 && Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(Year, Month);

    /// <summary>The date; only for a day <see cref="ReportingRules.Date"/> accepted.</summary>
    public DateOnly ToDate() => new(Year, Month, Day);

    /// <summary>The date, or null when this is no calendar date (<see cref="ReportingRules.Date"/> reports it).</summary>
    public DateOnly? AsDate => IsDate ? ToDate() : null;
}

/// <summary>The reporting service's field rules (years, dates).</summary>
public static class ReportingRules
{
    public static Violations Year(this Violations violations, string field, int year) =>
        violations.Require(year is >= 2000 and <= 2100, field, $"{year} is not a year this platform reports on; use 2000-2100.");

    public static Violations Date(this Violations violations, string field, CalendarDay? date) => date switch
    {
        null => violations.Add(field, "Required: a date (year, month, day)."),
        { IsDate: false } => violations.Add(field, $"{date.Year}-{date.Month}-{date.Day} is not a calendar date."),
        _ => violations,
    };

    /// <summary>The group and year a group's accounts are named by.</summary>
    public static Violations Accounts(this Violations violations, string groupId, int year) =>
        violations.Required("group_id", groupId).Year("year", year);

    public static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
