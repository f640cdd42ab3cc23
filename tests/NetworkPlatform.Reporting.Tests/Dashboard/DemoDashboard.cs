using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Reporting.Tests.Dashboard;

/// <summary>
/// make run's platform with its demo (names, meetings, attendance, minutes, measures), some money recorded in a working
/// group's accounts, and Debian's Chromium: what the dashboard's page tests look at. Shared by the tests of a class.
/// </summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    public const string Network = "partnerskap-mot-mobbing";
    public const string MoneyGroupName = "Arbeidsgruppe digital mobbing";
    public static readonly int Year = DateTime.UtcNow.Year;

    private readonly string data = Directory.CreateTempSubdirectory("np-dashboard-").FullName;
    private IPlaywright playwright = null!;

    public StandaloneProcess Platform { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await StandaloneProcess.StartAsync(data);
        Api = new HttpClient { BaseAddress = Platform.HttpAddress };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SecretariatTokenAsync());
        var group = await GroupIdAsync(MoneyGroupName);
        var accounts = $"v1/networks/{Network}/groupAccounts/{group}/years/{Year}";
        await PostAsync($"{accounts}:setBaseGrant", new { amount = "120000.00" });
        var applied = await PostAsync($"{accounts}/fundApplications",
            new { purpose = "Foreldremøter om digital mobbing", amountRequested = "25000.00", requestId = "dashboard-fund-1" });
        var application = applied.GetProperty("fundApplications")[0].GetProperty("applicationId").GetString();
        await PostAsync($"{accounts}/fundApplications/{application}:decide", new { approved = true, amountGranted = "20000.00" });
        await PostAsync($"{accounts}/expenses", new
        {
            date = new { year = Year, month = 3, day = 14 }, amount = "15300.50", description = "Materiell",
            requestId = "dashboard-expense-1",
        });
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        Api.Dispose();
        await Platform.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    /// <summary>A page signed in as the demo's dashboard reader, showing <paramref name="fragment"/> at this width.</summary>
    public async Task<IPage> SignedInPageAsync(string fragment, int width)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        await page.GotoAsync(Platform.HttpAddress.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Dashbord Leser" }).ClickAsync();
        // Sign-in's redirects drop the fragment (the server never sees it): the page is asked for it once signed in.
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("direkte");
        await page.GotoAsync($"{Platform.HttpAddress}#{fragment}");
        return page;
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Every item of a paged JSON list.</summary>
    public async Task<List<JsonElement>> ListAsync(string path, string field)
    {
        var items = new List<JsonElement>();
        var token = "";
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await GetAsync($"{path}{separator}pageSize=200&pageToken={Uri.EscapeDataString(token)}");
            items.AddRange(page.TryGetProperty(field, out var list) ? list.EnumerateArray() : []);
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() ?? "" : "";
        }
        while (token.Length > 0);
        return items;
    }

    public async Task<string> GroupIdAsync(string displayName) =>
        (await ListAsync($"v1/networks/{Network}/groups", "groups"))
            .Single(g => g.GetProperty("displayName").GetString() == displayName).GetProperty("groupId").GetString()!;

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await Api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The demo secretariat's token, through the demo grant make token uses (deploy/local/token.sh).</summary>
    private async Task<string> SecretariatTokenAsync()
    {
        var secret = (await File.ReadAllTextAsync(Path.Combine(data, "identity", "secrets", "demo-token.secret"))).Trim();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Platform.HttpAddress, "connect/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:networkplatform:params:oauth:grant-type:demo-person",
                ["role"] = "secretariat",
                ["network_id"] = Network,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"demo-token:{secret}")));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The demo token: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public static decimal Amount(string? text) => decimal.Parse(text ?? "0", CultureInfo.InvariantCulture);
}
