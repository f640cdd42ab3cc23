using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Groups.Domain;

namespace NetworkPlatform.Groups.Api;

/// <summary>Calendar dates travel as ISO 8601 strings (YYYY-MM-DD); empty means none.</summary>
public static class ProtoDates
{
    public static DateOnly? ParseDate(string value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(new FieldError(field, $"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-31."));
        return null;
    }

    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static Timestamp ToTimestamp(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);
}
