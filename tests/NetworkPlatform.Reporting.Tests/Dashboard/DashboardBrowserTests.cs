using Grpc.Core;
using Microsoft.Playwright;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.Tests.Api;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Testing;
using static Microsoft.Playwright.Assertions;

namespace NetworkPlatform.Reporting.Tests.Dashboard;

/// <summary>
/// The dashboard page in Debian's headless Chromium, driven by Playwright: a person signs in at the embedded issuer (its own
/// process; code + PKCE, a cookie session, no token in any address) and the page follows their network's events, the
/// latest ones from the moment it opens; without sign-in configured it says what to set. The figures, names and money are
/// DashboardPageTests' (they need the other services: make run's platform).
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Net = ReportingHost.Network;

    [Fact]
    public async Task a_person_signs_in_at_the_issuer_and_the_page_shows_their_networks_latest_events_then_new_ones()
    {
        var demoSecrets = Directory.CreateTempSubdirectory("np-demo-").FullName;
        await using var issuer = await IssuerProcess.StartAsync(["service-reporting"], new Dictionary<string, string>
        {
            ["Identity__Demo__SecretsDirectory"] = demoSecrets,
            ["Identity__Demo__People__0__Subject"] = "dora",
            ["Identity__Demo__People__0__DisplayName"] = "Dora Dashboard",
            ["Identity__Demo__People__0__NetworkId"] = Net,
            ["Identity__Demo__People__0__Roles__0"] = Roles.DashboardReader,
        });
        var dashboardSecret = Path.Combine(issuer.Directory, "dashboard.secret");
        var settings = issuer.ServiceSettings("service-reporting");
        settings["Auth:Issuer"] = "";
        settings["Auth:SigningKeyFile"] = "";
        settings["Dashboard:ClientId"] = "dashboard";
        settings["Dashboard:ClientSecretFile"] = dashboardSecret;
        await using var host = await ReportingHost.StartAsync(settings);
        var registered = await issuer.RunAsync("register-client", "--client-id", "dashboard", "--kind", "web",
            "--redirect-uris", $"{host.HttpAddress}signin-oidc");
        await File.WriteAllTextAsync(dashboardSecret, IssuerProcess.Printed(registered, "client_secret"));
        var reader = new Metadata { { "authorization", "Bearer " + await issuer.ClientTokenAsync("service-reporting", Net) } };
        await PublishMeetingAsync(host, "m1", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await WaitForHeldMeetingsAsync(host, reader, 1);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var addresses = new List<string>();
        page.FrameNavigated += (_, frame) => addresses.Add(frame.Url);
        await page.GotoAsync($"{host.HttpAddress}#year=2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dora Dashboard" }).ClickAsync();

        await Expect(page.Locator("#live")).ToHaveTextAsync("live");
        await Expect(page.Locator("#events li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#events li").First).ToContainTextAsync("AttendanceRecorded");

        await PublishMeetingAsync(host, "m2", new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero));

        await Expect(page.Locator("#events li")).ToHaveCountAsync(4, new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });
        await Expect(page.Locator("#events li").First).ToContainTextAsync("AttendanceRecorded");
        Assert.Contains(addresses, a => a.StartsWith(issuer.Authority + "account/signin", StringComparison.Ordinal));
        Assert.EndsWith("#year=2026", page.Url, StringComparison.Ordinal); // the address the person opened, after signing in
        Assert.DoesNotContain(addresses, a => a.Contains("token", StringComparison.OrdinalIgnoreCase));
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == ".networkplatform.dashboard");
        Assert.True(session.HttpOnly, "The session cookie is readable by scripts.");
    }

    [Fact]
    public async Task a_dashboard_without_sign_in_configured_says_what_to_set()
    {
        await using var host = await ReportingHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{host.HttpAddress}#network={Net}&year=2026");

        await Expect(page.Locator("#error")).ToContainTextAsync("set Dashboard__ClientId");
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    private static async Task PublishMeetingAsync(ReportingHost host, string meetingId, DateTimeOffset start)
    {
        await host.PublishAsync(new MeetingScheduled(Guid.NewGuid(), start.AddDays(-14), Net, meetingId, 1, meetingId, "wg-1", "Interim", "Interim", start, start.AddHours(2), "Europe/Oslo", "Oslo", ""));
        await host.PublishAsync(new AttendanceRecorded(Guid.NewGuid(), start.AddHours(2), Net, meetingId, 2, meetingId, "wg-1", "Interim", start,
            [new AttendanceMark("ada", "Present"), new AttendanceMark("ben", "Absent")], 2, 1, true));
    }

    private static async Task WaitForHeldMeetingsAsync(ReportingHost host, Metadata caller, int held)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 }, caller)).HeldMeetings < held)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The reporting service did not record {held} held meetings within 30 s.");
            await Task.Delay(50);
        }
    }
}
