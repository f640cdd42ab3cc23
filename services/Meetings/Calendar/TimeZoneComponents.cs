namespace NetworkPlatform.Meetings.Calendar;

/// <summary>
/// Writes a VTIMEZONE for an IANA zone covering a span of time: one observance (STANDARD or DAYLIGHT) per offset change,
/// found from the system's tz database, so the calendar is right across daylight-saving changes without relying on the
/// reader's own zone data.
/// </summary>
public static class TimeZoneComponents
{
    public static void Write(ContentLines lines, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset until)
    {
        lines.Begin("VTIMEZONE").Raw("TZID", zone.Id);
        var start = from.ToUniversalTime();
        var initialOffset = zone.GetUtcOffset(start);
        WriteObservance(lines, zone.IsDaylightSavingTime(start), start, initialOffset, initialOffset);
        foreach (var (at, before, after) in Transitions(zone, start, until.ToUniversalTime()))
        {
            WriteObservance(lines, zone.IsDaylightSavingTime(at), at, before, after);
        }
        lines.End("VTIMEZONE");
    }

    /// <summary>Offset changes in [from, until): day by day, then to the minute by bisection.</summary>
    public static IEnumerable<(DateTimeOffset At, TimeSpan Before, TimeSpan After)> Transitions(TimeZoneInfo zone, DateTimeOffset from,
        DateTimeOffset until)
    {
        var previousOffset = zone.GetUtcOffset(from);
        for (var day = from; day < until; day = day.AddDays(1))
        {
            var next = day.AddDays(1);
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset == previousOffset)
            {
                continue;
            }
            var (low, high) = (day, next);
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = low + ((high - low) / 2);
                if (zone.GetUtcOffset(middle) == previousOffset)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }
            var at = new DateTimeOffset(high.Ticks - (high.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
            if (zone.GetUtcOffset(at) != nextOffset)
            {
                at = at.AddMinutes(1);
            }
            yield return (at, previousOffset, nextOffset);
            previousOffset = nextOffset;
        }
    }

    /// <summary>DTSTART of an observance is the local time of its onset under the offset in force before it (RFC 5545 3.6.5).</summary>
    private static void WriteObservance(ContentLines lines, bool daylight, DateTimeOffset at, TimeSpan before, TimeSpan after)
    {
        var kind = daylight ? "DAYLIGHT" : "STANDARD";
        lines.Begin(kind)
            .Raw("DTSTART", ContentLines.FormatLocal(at.UtcDateTime + before))
            .Raw("TZOFFSETFROM", ContentLines.FormatOffset(before))
            .Raw("TZOFFSETTO", ContentLines.FormatOffset(after))
            .End(kind);
    }
}
