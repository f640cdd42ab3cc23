using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Application.Tests;

public class ViolationsTests
{
    private static IReadOnlyList<FieldViolation> Of(Action<Violations> rules)
    {
        var violations = new Violations();
        rules(violations);
        return violations.Items;
    }

    [Fact]
    public void messages_quote_at_most_a_hundred_characters_of_the_input()
    {
        var huge = new string('x', 10_000);

        var violation = Assert.Single(Of(v => v.RequestId("request_id", huge)));

        Assert.True(violation.Description.Length < 300, violation.Description);
        Assert.Contains("(10000 characters)", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void control_characters_such_as_nul_are_refused_but_line_breaks_are_text()
    {
        Assert.Single(Of(v => v.Required("title", "Start\0up")));
        Assert.Empty(Of(v => v.Text("minutes", "Line one\r\nLine two\twith a tab")));
    }

    [Theory]
    [InlineData("0001-06-01T10:00:00Z")]
    [InlineData("9999-06-01T10:00:00Z")]
    public void dates_outside_plausible_years_are_refused(string when) =>
        Assert.Single(Of(v => v.PlausibleTime("start_time", DateTimeOffset.Parse(when, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void a_period_ends_after_it_starts_and_lasts_at_most_the_longest_allowed()
    {
        var start = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Single(Of(v => v.Period("end_time", start, start, TimeSpan.FromDays(1))));
        Assert.Single(Of(v => v.Period("end_time", start, start.AddYears(10), TimeSpan.FromDays(14))));
        Assert.Empty(Of(v => v.Period("end_time", start, start.AddHours(2), TimeSpan.FromDays(14))));
    }

    [Theory]
    [InlineData("12500.50", true)]
    [InlineData("12500.505", false)]
    [InlineData("12,50", false)]
    [InlineData("-3", false)]
    public void money_has_at_most_two_decimals_and_a_point(string amount, bool valid) =>
        Assert.Equal(valid, Of(v => v.Money("amount", amount)).Count == 0);
}
