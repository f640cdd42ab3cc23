using Microsoft.Playwright;

namespace NetworkPlatform.Identity.Tests.Support;

/// <summary>Debian's headless Chromium driven by Playwright (never a downloaded browser).</summary>
internal sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, browser);
    }

    public Task<IPage> NewPageAsync() => browser.NewPageAsync();

    /// <summary>
    /// Opens <paramref name="url"/> and returns the first address under <paramref name="redirectPrefix"/> the page is sent to (answered by
    /// the test).
    /// </summary>
    public static async Task<TaskCompletionSource<string>> CatchRedirectAsync(IPage page, string redirectPrefix)
    {
        var caught = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(redirectPrefix + "**", async route =>
        {
            caught.TrySetResult(route.Request.Url);
            await route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/plain", Body = "back at the application" });
        });
        return caught;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
