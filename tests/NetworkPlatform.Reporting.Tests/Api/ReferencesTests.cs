using Google.Rpc;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>
/// Issue 20.1 and 27.6: every id a reporting request names is one of its network's (groups and measures from the groups
/// service's events, organisations from membership's), and the network itself exists (asked of membership): NOT_FOUND with
/// the resource otherwise, and nothing stored.
/// </summary>
public sealed class ReferencesTests : IAsyncLifetime
{
    private const string Net = ReportingHost.Network;
    private ReportingHost host = null!;

    public async Task InitializeAsync()
    {
        host = await ReportingHost.StartAsync();
        await host.AnnounceAsync(ReportingHost.Group("wg-1"), ReportingHost.Organisation("org-a"),
            ReportingHost.Group("wg-elsewhere", network: "other-network"));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task money_for_an_unknown_group_or_a_group_of_another_network_is_not_found_and_opens_no_accounts()
    {
        var secretariat = host.As(Roles.Secretariat);
        foreach (var groupId in new[] { "wg-typo", "wg-elsewhere" })
        {
            var grant = await NotFoundAsync(() => host.Client.SetBaseGrantAsync(
                new SetBaseGrantRequest { NetworkId = Net, GroupId = groupId, Year = 2026, Amount = "1000.00" }, secretariat));
            Assert.Equal(("networkplatform.groups.v1.Group", $"networks/{Net}/groups/{groupId}"), grant);
            await NotFoundAsync(() => host.Client.RecordExpenseAsync(new RecordExpenseRequest { NetworkId = Net, GroupId = groupId,
                Year = 2026, Amount = "10.00", Description = "Venue", Date = new CalendarDate { Year = 2026, Month = 3, Day = 1 } },
                secretariat));
            await NotFoundAsync(() => host.Client.GetGroupAccountsAsync(
                new GetGroupAccountsRequest { NetworkId = Net, GroupId = groupId, Year = 2026 }, secretariat));
            await NotFoundAsync(() => host.Client.GetAnnualReportAsync(
                new GetAnnualReportRequest { NetworkId = Net, GroupId = groupId, Year = 2026, Format = ReportFormat.Markdown },
                secretariat));
        }

        var known = await host.Client.SetBaseGrantAsync(
            new SetBaseGrantRequest { NetworkId = Net, GroupId = "wg-1", Year = 2026, Amount = "1000.00" }, secretariat);
        Assert.Equal("1000.00", known.BaseGrant);
    }

    [Fact]
    public async Task an_expense_or_an_indicator_for_an_unknown_measure_is_not_found_and_stores_nothing()
    {
        var secretariat = host.As(Roles.Secretariat);
        var expense = await NotFoundAsync(() => host.Client.RecordExpenseAsync(new RecordExpenseRequest { NetworkId = Net, GroupId = "wg-1",
            Year = 2026, Amount = "10.00", Description = "Venue", Date = new CalendarDate { Year = 2026, Month = 3, Day = 1 },
            MeasureId = "t-typo" }, secretariat));
        var indicator = await NotFoundAsync(() => host.Client.CreateIndicatorAsync(
            new CreateIndicatorRequest { NetworkId = Net, Name = "Pupils reached", Unit = "pupils", MeasureId = "t-typo" }, secretariat));

        Assert.Equal(("networkplatform.groups.v1.Measure", $"networks/{Net}/measures/t-typo"), expense);
        Assert.Equal(expense, indicator);
        var accounts = await host.Client.GetGroupAccountsAsync(
            new GetGroupAccountsRequest { NetworkId = Net, GroupId = "wg-1", Year = 2026 }, secretariat);
        Assert.Empty(accounts.Expenses);
        Assert.Empty((await host.Client.ListIndicatorsAsync(new ListIndicatorsRequest { NetworkId = Net }, secretariat)).Indicators);
    }

    [Fact]
    public async Task learning_for_an_unknown_organisation_or_group_is_not_found()
    {
        var representative = host.As(Roles.Representative);
        LogLearningActivityRequest Activity(string organisationId, string groupId) => new()
        {
            NetworkId = Net, Kind = LearningKind.PeerGuidance, OrganisationId = organisationId, GroupId = groupId,
            Date = new CalendarDate { Year = 2026, Month = 3, Day = 4 }, Hours = 1, Participants = 3, Description = "Peer guidance",
        };

        var organisation = await NotFoundAsync(() => host.Client.LogLearningActivityAsync(Activity("org-typo", ""), representative));
        var group = await NotFoundAsync(() => host.Client.LogLearningActivityAsync(Activity("", "wg-typo"), representative));
        var logged = await host.Client.LogLearningActivityAsync(Activity("org-a", ""), representative);

        Assert.Equal(("networkplatform.membership.v1.Organisation", $"networks/{Net}/organisations/org-typo"), organisation);
        Assert.Equal(("networkplatform.groups.v1.Group", $"networks/{Net}/groups/wg-typo"), group);
        Assert.Equal("org-a", logged.OrganisationId);
    }

    [Fact]
    public async Task requests_of_a_network_that_was_never_created_are_not_found_and_a_known_network_is_asked_once()
    {
        var stranger = new Metadata { { "authorization", "Bearer " + host.Tokens.Issue("x", "never-created", [Roles.Secretariat]) } };

        var health = await NotFoundAsync(() => host.Client.GetNetworkHealthAsync(
            new GetNetworkHealthRequest { NetworkId = "never-created", Year = 2026 }, stranger));
        var grant = await NotFoundAsync(() => host.Client.SetBaseGrantAsync(
            new SetBaseGrantRequest { NetworkId = "never-created", GroupId = "wg-1", Year = 2026, Amount = "1.00" }, stranger));
        for (var i = 0; i < 3; i++)
        {
            await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 },
                host.As(Roles.Secretariat));
        }

        Assert.Equal(("networkplatform.membership.v1.Network", "networks/never-created"), health);
        Assert.Equal(health, grant);
        Assert.Equal(1, host.Membership.Asked[Net]);
        Assert.Equal(2, host.Membership.Asked["never-created"]);
    }

    /// <summary>The resource a NOT_FOUND names (its ResourceInfo).</summary>
    private static async Task<(string Type, string Name)> NotFoundAsync<T>(Func<AsyncUnaryCall<T>> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call());
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var resource = error.GetDetail<ResourceInfo>();
        Assert.NotNull(resource);
        return (resource.ResourceType, resource.ResourceName);
    }
}
