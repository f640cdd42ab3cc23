using Microsoft.Playwright;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.Tests.Api;
using NetworkPlatform.Reporting.V1;
using static Microsoft.Playwright.Assertions;

namespace NetworkPlatform.Reporting.Tests.Dashboard;

/// <summary>The dashboard page in Debian's headless Chromium, driven by Playwright: it loads, shows the figures, and follows events live.</summary>
public sealed class DashboardBrowserTests
{
    private const string Net = ReportingHost.Network;

    [Fact]
    public async Task the_page_shows_the_network_figures_and_updates_when_an_event_arrives()
    {
        await using var host = await ReportingHost.StartAsync();
        await PublishMeetingAsync(host, "m1", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await WaitForHeldMeetingsAsync(host, 1);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync($"{host.HttpAddress}#network={Net}&year=2026&token={host.TokenFor(Roles.DashboardReader)}");

        await Expect(page.Locator("#held")).ToHaveTextAsync("1");
        await Expect(page.Locator("#attendance")).ToHaveTextAsync("50 %");
        await Expect(page.Locator("#live")).ToHaveTextAsync("live");

        await PublishMeetingAsync(host, "m2", new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero));

        await Expect(page.Locator("#held")).ToHaveTextAsync("2", new LocatorAssertionsToHaveTextOptions { Timeout = 20_000 });
        await Expect(page.Locator("#events li").First).ToContainTextAsync("AttendanceRecorded");
        Assert.Empty(await page.Locator("#error").TextContentAsync() ?? "");
    }

    [Fact]
    public async Task a_page_without_a_valid_token_says_why_it_shows_nothing()
    {
        await using var host = await ReportingHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{host.HttpAddress}#network={Net}&year=2026&token=not-a-token");

        await Expect(page.Locator("#error")).ToContainTextAsync("not a well-formed JWT");
    }

    private static async Task PublishMeetingAsync(ReportingHost host, string meetingId, DateTimeOffset start)
    {
        await host.PublishAsync(new MeetingScheduled(Guid.NewGuid(), start.AddDays(-14), Net, meetingId, 1, meetingId, "wg-1", "Interim", "Interim", start, start.AddHours(2), "Europe/Oslo", "Oslo", ""));
        await host.PublishAsync(new AttendanceRecorded(Guid.NewGuid(), start.AddHours(2), Net, meetingId, 2, meetingId, "wg-1", "Interim", start,
            [new AttendanceMark("ada", "Present"), new AttendanceMark("ben", "Absent")], 2, 1, true));
    }

    private static async Task WaitForHeldMeetingsAsync(ReportingHost host, int held)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 }, host.As(Roles.DashboardReader))).HeldMeetings < held)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The reporting service did not record {held} held meetings within 30 s.");
            await Task.Delay(50);
        }
    }
}
