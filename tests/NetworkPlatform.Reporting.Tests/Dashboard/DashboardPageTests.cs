using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NetworkPlatform.Testing;
using static Microsoft.Playwright.Assertions;

namespace NetworkPlatform.Reporting.Tests.Dashboard;

/// <summary>
/// The dashboard on make run's demo in Debian's Chromium at 360, 1024, 1400 and 1920 px: names instead of ids, money equal to
/// GetGroupAccounts, charts, the live panel, no horizontal overflow, zero axe-core (WCAG 2.1 A/AA) violations, labels in the
/// network's language. Each width's screenshot goes to artifacts/dashboard/ for a reviewer.
/// </summary>
public sealed class DashboardPageTests(DemoDashboard demo) : IClassFixture<DemoDashboard>
{
    private const string Net = DemoDashboard.Network;
    private static readonly int[] Widths = [360, 1024, 1400, 1920];
    private static readonly string Overview = $"network={Net}&year={DemoDashboard.Year}";

    [Fact]
    public async Task the_network_page_shows_names_not_ids_and_money_equal_to_the_group_accounts_in_the_networks_language()
    {
        var page = await demo.SignedInPageAsync(Overview, 1400);
        await Expect(page.Locator("#money tbody tr").First).ToBeVisibleAsync();

        var groups = await demo.ListAsync($"v1/networks/{Net}/groups", "groups");
        var organisations = await demo.ListAsync($"v1/networks/{Net}/organisations", "organisations");
        var text = await page.Locator("#content").InnerTextAsync();
        Assert.Contains(DemoDashboard.MoneyGroupName, text, StringComparison.Ordinal);
        var ids = groups.Select(g => g.GetProperty("groupId").GetString()!).Concat(organisations.Select(Id));
        Assert.All(ids, id => Assert.DoesNotContain(id, text, StringComparison.Ordinal));
        Assert.Equal("nb", await page.Locator("html").GetAttributeAsync("lang"));
        await Expect(page.Locator("#key-figures h2")).ToHaveTextAsync("Nøkkeltall");
        await Expect(page.Locator("#held")).Not.ToHaveTextAsync("0");

        var members = organisations.Where(o => o.GetProperty("membershipState").GetString() is "MEMBERSHIP_STATE_ACTIVE")
            .Select(Id).ToHashSet();
        var memberRows = await page.Locator("#organisations table").First.Locator("tbody tr").EvaluateAllAsync<string[]>(
            "rows => rows.map(r => r.dataset.organisation)");
        Assert.NotEmpty(memberRows);
        Assert.All(memberRows, id => Assert.Contains(id, members));

        foreach (var group in groups)
        {
            var id = group.GetProperty("groupId").GetString()!;
            var accounts = await demo.GetAsync($"v1/networks/{Net}/groupAccounts/{id}/years/{DemoDashboard.Year}");
            var row = page.Locator("#money tbody tr").Filter(new() { Has = page.Locator($"a[href$='group={id}']") });
            foreach (var (field, expected) in new[]
            {
                ("baseGrant", Field(accounts, "baseGrant")), ("granted", Field(accounts, "granted")),
                ("spent", Field(accounts, "spent")), ("remaining", Field(accounts, "remaining")),
            })
            {
                var shown = await row.Locator($"td[data-field='{field}']").GetAttributeAsync("data-amount");
                Assert.True(DemoDashboard.Amount(expected) == DemoDashboard.Amount(shown),
                    $"{group.GetProperty("displayName")} {field}: GetGroupAccounts says {expected}, the page {shown}.");
            }
        }
        var moneyGroup = page.Locator("#money tbody tr").Filter(new() { HasText = DemoDashboard.MoneyGroupName });
        Assert.True(DemoDashboard.Amount(await moneyGroup.Locator("td[data-field='spent']").GetAttributeAsync("data-amount")) >= 15300.50m,
            "The expense recorded in the working group's accounts is not among its spending.");

        // The year filter: last year's demo has no meetings held.
        await page.Locator("#year").SelectOptionAsync($"{DemoDashboard.Year - 1}");
        await Expect(page.Locator("#held")).ToHaveTextAsync("0");
        Assert.EndsWith($"year={DemoDashboard.Year - 1}", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task every_page_fits_each_width_without_horizontal_scrolling_and_has_no_axe_violations()
    {
        var group = await demo.GroupIdAsync(DemoDashboard.MoneyGroupName);
        foreach (var (name, fragment, shown) in new[]
        {
            ("network", Overview, "#key-figures"), ("group", $"{Overview}&group={group}", "#group-name"),
        })
        {
            foreach (var width in Widths)
            {
                var page = await demo.SignedInPageAsync(fragment, width);
                await Expect(page.Locator(shown)).ToBeVisibleAsync();
                await Expect(page.Locator("#money tbody tr").First).ToBeVisibleAsync();
                await Expect(page.Locator("#events li").First).ToBeVisibleAsync();
                var widths = await page.EvaluateAsync<int[]>(
                    "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                var (scrollWidth, clientWidth) = (widths[0], widths[1]);
                Assert.True(scrollWidth <= clientWidth, $"The {name} page at {width} px scrolls sideways: {scrollWidth} > {clientWidth}.");
                Directory.CreateDirectory(RepositoryPaths.Combine("artifacts", "dashboard"));
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = RepositoryPaths.Combine("artifacts", "dashboard", $"{name}-{width}.png"), FullPage = true,
                });
                var axe = await page.RunAxe();
                Assert.True(axe.Violations.Length == 0, $"The {name} page at {width} px: " + string.Join("\n", axe.Violations.Select(v =>
                    $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
                await page.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task a_group_page_reached_by_clicking_draws_one_attendance_point_per_held_meeting()
    {
        var group = await demo.GroupIdAsync(DemoDashboard.MoneyGroupName);
        var page = await demo.SignedInPageAsync(Overview, 1024);
        await page.Locator("#groups").GetByRole(AriaRole.Link, new() { Name = DemoDashboard.MoneyGroupName }).ClickAsync();

        await Expect(page.Locator("#group-name")).ToHaveTextAsync(DemoDashboard.MoneyGroupName);
        var year = DemoDashboard.Year;
        var meetings = await demo.ListAsync($"v1/networks/{Net}/meetings?groupId={group}&startTime={year}-01-01T00:00:00Z" +
            $"&endTime={year + 1}-01-01T00:00:00Z", "meetings");
        var held = meetings.Count(m => m.GetProperty("status").GetString() == "MEETING_STATUS_HELD");
        Assert.True(held > 0, "The demo has no held meeting of this group this year.");
        await Expect(page.Locator("#meetings tbody tr")).ToHaveCountAsync(meetings.Count);
        var points = await page.EvaluateAsync<int>("() => document.getElementById('attendance-chart').chart.data.datasets[0].data.length");
        Assert.Equal(held, points);
    }

    [Fact]
    public async Task the_live_panel_shows_the_latest_events_on_open_and_appends_a_new_one()
    {
        var page = await demo.SignedInPageAsync(Overview, 1920);
        await Expect(page.Locator("#live")).ToHaveTextAsync("direkte");
        await Expect(page.Locator("#events li").First).ToBeVisibleAsync();
        var before = await page.Locator("#events li").AllInnerTextsAsync();

        var group = await demo.GroupIdAsync(DemoDashboard.MoneyGroupName);
        await demo.PostAsync($"v1/networks/{Net}/groupAccounts/{group}/years/{DemoDashboard.Year}/expenses", new
        {
            date = new { year = DemoDashboard.Year, month = 4, day = 2 }, amount = "99.00", description = "Live",
            requestId = Guid.NewGuid().ToString(),
        });

        await Expect(page.Locator("#events li").First).ToContainTextAsync("ExpenseRecorded", new() { Timeout = 20_000 });
        Assert.NotEqual(before.FirstOrDefault(), await page.Locator("#events li").First.InnerTextAsync());
    }

    private static string Id(JsonElement organisation) => organisation.GetProperty("id").GetString()!;

    private static string? Field(JsonElement accounts, string name) =>
        accounts.TryGetProperty(name, out var value) ? value.GetString() : "0";
}
