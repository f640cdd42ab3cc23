using NetworkPlatform.Application;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Reporting.V1;
using DecisionKind = NetworkPlatform.Events.Meetings.DecisionKind;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>
/// Issue 20.4: a partner-fund decision in published minutes acts on the accounts: the application it names is approved
/// with the amount granted (or rejected), decided by that meeting, so minutes and accounts agree.
/// </summary>
public sealed class FundDecisionsInMinutesTests
{
    private const string Net = ReportingHost.Network;

    [Fact]
    public async Task approved_and_rejected_in_the_minutes_the_applications_are_decided_by_that_meeting()
    {
        await using var host = await ReportingHost.StartAsync();
        await host.AnnounceAsync(ReportingHost.Group("wg-1"));
        var secretariat = host.As(Roles.Secretariat);
        await host.Client.SetBaseGrantAsync(new SetBaseGrantRequest { NetworkId = Net, GroupId = "wg-1", Year = 2026, Amount = "20000.00" },
            secretariat);
        async Task<string> SubmitAsync(string purpose) => (await host.Client.SubmitFundApplicationAsync(new SubmitFundApplicationRequest
        {
            NetworkId = Net, GroupId = "wg-1", Year = 2026, Purpose = purpose, AmountRequested = "15000.00",
            RequestId = Guid.NewGuid().ToString(),
        }, secretariat)).FundApplications.Single(a => a.Purpose == purpose).ApplicationId;
        var kurs = await SubmitAsync("Kurs");
        var reise = await SubmitAsync("Reise");

        await host.PublishAsync(Decision(DecisionKind.FundApplicationApproved, kurs, "wg-1", 12000m));
        await host.PublishAsync(Decision(DecisionKind.FundApplicationRejected, reise, "wg-1", null));
        // Names an application reporting does not have: logged and skipped, nothing stored.
        await host.PublishAsync(Decision(DecisionKind.FundApplicationApproved, "no-such-application", "wg-1", 500m));
        var accounts = await AccountsWhenAsync(host, a => a.FundApplications.All(f => f.State != FundApplicationState.Submitted));

        var approved = accounts.FundApplications.Single(a => a.ApplicationId == kurs);
        var rejected = accounts.FundApplications.Single(a => a.ApplicationId == reise);
        Assert.Equal((FundApplicationState.Approved, "12000.00", "mtg-partner"), (approved.State, approved.AmountGranted,
            approved.DecidedByMeetingId));
        Assert.Equal((FundApplicationState.Rejected, "mtg-partner"), (rejected.State, rejected.DecidedByMeetingId));
        Assert.Equal(("32000.00", "12000.00", 2), (accounts.Budget, accounts.Granted, accounts.FundApplications.Count));
    }

    private static DecisionRecorded Decision(DecisionKind kind, string applicationId, string groupId, decimal? amount) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, Net, "mtg-partner", 7, "mtg-partner", "g-partner", kind, null, null, null,
            "Partnermøtet behandlet søknaden.", applicationId, groupId, 2026, amount);

    private static async Task<GroupAccounts> AccountsWhenAsync(ReportingHost host, Func<GroupAccounts, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var accounts = await host.Client.GetGroupAccountsAsync(new GetGroupAccountsRequest { NetworkId = Net, GroupId = "wg-1",
                Year = 2026 }, host.As(Roles.Secretariat));
            if (done(accounts) || DateTime.UtcNow > deadline)
            {
                return accounts;
            }
            await Task.Delay(50);
        }
    }
}
