using System.Text;
using NetworkPlatform.Meetings.Calendar;

namespace NetworkPlatform.Meetings.Tests;

public class ContentLinesTests
{
    [Fact]
    public void long_lines_fold_at_75_octets_without_splitting_characters()
    {
        var value = string.Concat(Enumerable.Repeat("Årshjul/plan for aktiviteten i arbeidsgruppa æøå ", 6));

        var folded = new ContentLines().Text("SUMMARY", value).ToString();

        var physical = folded[..^2].Split("\r\n");
        Assert.True(physical.Length > 1);
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.All(physical.Skip(1), line => Assert.StartsWith(" ", line, StringComparison.Ordinal));
        Assert.DoesNotContain('\uFFFD', folded);
        var unfolded = string.Concat(physical.Select((line, i) => i == 0 ? line : line[1..]));
        Assert.Equal("SUMMARY:" + value, unfolded);
    }

    [Fact]
    public void text_values_escape_backslash_semicolon_comma_and_newlines()
    {
        Assert.Equal(@"a\\b\; c\, d\ne\nf", ContentLines.EscapeText("a\\b; c, d\r\ne\nf"));
    }

    [Fact]
    public void parameter_values_with_separators_are_quoted_and_quotes_dropped()
    {
        var line = new ContentLines().Raw("ATTENDEE", "mailto:a@b.no", ("CN", "Berg, \"Ingrid\": leder")).ToString();

        Assert.Equal("ATTENDEE;CN=\"Berg, Ingrid: leder\":mailto:a@b.no\r\n", line);
    }

    [Fact]
    public void offsets_are_written_as_plus_minus_hhmm()
    {
        Assert.Equal("+0100", ContentLines.FormatOffset(TimeSpan.FromHours(1)));
        Assert.Equal("-0330", ContentLines.FormatOffset(TimeSpan.FromMinutes(-210)));
        Assert.Equal("+0000", ContentLines.FormatOffset(TimeSpan.Zero));
    }
}
