using System.Globalization;
using System.Text;

namespace NetworkPlatform.Meetings.Calendar;

/// <summary>
/// Writes RFC 5545 content lines: NAME;PARAM=VALUE:value, CRLF line ends, lines folded at 75 octets
/// (never inside a UTF-8 character), TEXT values escaped.
/// </summary>
public sealed class ContentLines
{
    private const int MaxOctets = 75;
    private readonly StringBuilder text = new();

    public ContentLines Begin(string component) => Raw("BEGIN", component);

    public ContentLines End(string component) => Raw("END", component);

    /// <summary>A property whose value is already in its iCalendar form (dates, URIs, numbers, enumerations).</summary>
    public ContentLines Raw(string name, string value, params (string Name, string Value)[] parameters)
    {
        var line = new StringBuilder(name);
        foreach (var (parameterName, parameterValue) in parameters)
        {
            line.Append(';').Append(parameterName).Append('=').Append(ParameterValue(parameterValue));
        }
        line.Append(':').Append(value);
        text.Append(Fold(line.ToString()));
        return this;
    }

    /// <summary>A TEXT property: backslash, semicolon, comma and line breaks escaped.</summary>
    public ContentLines Text(string name, string value, params (string Name, string Value)[] parameters) => Raw(name, EscapeText(value),
        parameters);

    public ContentLines UtcDateTime(string name, DateTimeOffset value) => Raw(name, FormatUtc(value));

    /// <summary>A local time in the named zone: NAME;TZID=Europe/Oslo:20260325T100000.</summary>
    public ContentLines ZonedDateTime(string name, DateTimeOffset value, TimeZoneInfo zone) =>
        Raw(name, FormatLocal(TimeZoneInfo.ConvertTime(value, zone).DateTime), ("TZID", zone.Id));

    public override string ToString() => text.ToString();

    public static string FormatUtc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'",
        CultureInfo.InvariantCulture);

    public static string FormatLocal(DateTime local) => local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(offset.Seconds == 0 ? "hhmm" : "hhmmss",
            CultureInfo.InvariantCulture);

    public static string EscapeText(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Parameter values with ':', ';' or ',' are quoted; DQUOTE and control characters cannot appear at all.</summary>
    private static string ParameterValue(string value)
    {
        var clean = new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray());
        return clean.IndexOfAny([':', ';', ',']) >= 0 ? $"\"{clean}\"" : clean;
    }

    /// <summary>Splits a line into 75-octet pieces; each continuation starts with one space (which counts).</summary>
    public static string Fold(string line)
    {
        var folded = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                folded.Append("\r\n ");
                octets = 1;
            }
            folded.Append(rune.ToString());
            octets += size;
        }
        return folded.Append("\r\n").ToString();
    }
}
