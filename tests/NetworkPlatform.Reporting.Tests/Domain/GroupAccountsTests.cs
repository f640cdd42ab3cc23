using NetworkPlatform.Application.Failures;
using NetworkPlatform.Reporting.Domain;

namespace NetworkPlatform.Reporting.Tests.Domain;

/// <summary>A group's accounts guard their rules: signed-off accounts take no expense, an application is decided once.</summary>
public class GroupAccountsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void signed_off_accounts_take_no_expense_and_no_second_sign_off()
    {
        var signedOff = GroupAccounts.Open("net", "wg-1", 2026).SignOff("leader", At);

        var expense = Assert.Throws<RuleViolationException>(() => signedOff.Record(new("e1", new DateOnly(2026, 12, 2), 10m, "Late bill",
            null)));
        Assert.Equal(("ACCOUNTS_SIGNED_OFF", "wg-1/2026"), (expense.Violations[0].Reason, expense.Violations[0].Subject));
        Assert.Contains("next year's accounts", expense.Message, StringComparison.Ordinal);
        Assert.Throws<RuleViolationException>(() => signedOff.SignOff("secretariat", At));
        Assert.Empty(signedOff.Expenses);
    }

    [Fact]
    public void a_fund_application_is_decided_once_and_must_exist()
    {
        var accounts = GroupAccounts.Open("net", "wg-1", 2026)
            .Submit(new("f1", "Seminar", 15_000m, FundApplicationState.Submitted, 0m, At, null))
            .Decide("f1", approved: false, 0m, At);

        var again = Assert.Throws<RuleViolationException>(() => accounts.Decide("f1", approved: true, 5_000m, At));
        Assert.Equal("FUND_APPLICATION_ALREADY_DECIDED", again.Violations[0].Reason);
        Assert.Contains("already rejected", again.Message, StringComparison.Ordinal);
        Assert.Equal(FundApplicationState.Rejected, Assert.Single(accounts.FundApplications).State);
        Assert.Throws<NotFoundException>(() => accounts.Decide("f2", approved: true, 1m, At));
    }
}
