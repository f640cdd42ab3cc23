using System.Globalization;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.Reporting.Features;

/// <summary>The reporting service's field rules (years, money, dates).</summary>
public sealed class Validation : FieldViolations<Validation>
{
    public Validation Required(string field, string value) => Required(field, value, 200);

    public Validation Year(string field, int year) =>
        year is >= 2000 and <= 2100 ? this : Add(field, $"{year} is not a year this platform reports on; use 2000-2100.");

    public decimal Money(string field, string value, bool allowZero = true)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || decimal.Round(amount, 2) != amount)
        {
            Add(field, $"'{value}' is not an amount: write a decimal number with at most two decimals and a '.' separator, e.g. 12500.50.");
            return 0;
        }
        if (!allowZero && amount == 0)
        {
            Add(field, "Must be more than 0.");
        }
        return amount;
    }

    public DateOnly Date(string field, CalendarDate? date)
    {
        if (date is null)
        {
            Add(field, "Required: a date (year, month, day).");
            return default;
        }
        try
        {
            return new DateOnly(date.Year, date.Month, date.Day);
        }
        catch (ArgumentOutOfRangeException)
        {
            Add(field, $"{date.Year}-{date.Month}-{date.Day} is not a calendar date.");
            return default;
        }
    }
}
