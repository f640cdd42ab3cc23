using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.Playwright;
using NetworkPlatform.Identity.Tests.Support;
using NetworkPlatform.Testing;
using static Microsoft.Playwright.Assertions;

namespace NetworkPlatform.Identity.Tests;

/// <summary>
/// People sign in through the issuer's sign-in page in Chromium: the authorization code flow with PKCE of a public client,
/// its tokens accepted by a service, refresh, revocation, and a password chosen through a one-time link.
/// </summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private IssuerProcess issuer = null!;
    private EchoHost service = null!;
    private Browser browser = null!;
    private CodeFlow flow = null!;

    public async Task InitializeAsync()
    {
        var demoSecrets = Directory.CreateTempSubdirectory("np-demo-").FullName;
        issuer = await IssuerProcess.StartAsync(["service-a"], Demo.Settings(demoSecrets));
        var settings = issuer.ServiceSettings("service-a");
        settings["Auth:RevocationCheckInterval"] = "00:00:00.500";
        service = await EchoHost.StartAsync(settings);
        browser = await Browser.LaunchAsync();
        flow = await CodeFlow.RegisterAsync(issuer, "test-app");
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await service.DisposeAsync();
        await issuer.DisposeAsync();
    }

    [Fact]
    public async Task code_and_pkce_through_the_sign_in_page_give_tokens_that_a_service_accepts()
    {
        var page = await browser.NewPageAsync();
        var redirect = await Browser.CatchRedirectAsync(page, CodeFlow.RedirectUri);
        await page.GotoAsync(flow.AuthorizationUrl);

        await Expect(page).ToHaveTitleAsync(SignInTitle());
        await page.GetByRole(AriaRole.Button, new() { Name = "Ada Lovelace" }).ClickAsync();
        var (status, tokens) = await flow.ExchangeAsync(flow.CodeFrom(await redirect.Task.WaitAsync(TimeSpan.FromSeconds(30))));

        Assert.Equal(200, status);
        Assert.Equal("hi from ada of net-1 (org org-7, person per-1) as representative",
            await service.EchoAsync("Bearer " + tokens.GetProperty("access_token").GetString()));
        Assert.True(tokens.TryGetProperty("id_token", out _), "No identity token for the openid scope.");
        Assert.True(tokens.TryGetProperty("refresh_token", out _), "No refresh token for the offline_access scope.");
    }

    [Fact]
    public async Task a_code_redeemed_without_the_verifier_of_its_challenge_is_refused()
    {
        var code = await flow.SignInWithoutBrowserAsync("ada");

        var (status, body) = await flow.ExchangeAsync(code, verifier: new CodeFlow(issuer, "test-app").Verifier);

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task a_refresh_token_gets_new_access_tokens_until_it_is_revoked()
    {
        var (_, tokens) = await flow.ExchangeAsync(await flow.SignInWithoutBrowserAsync("ben"));

        var (refreshed, renewed) = await flow.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(200, refreshed);
        Assert.Equal("hi from ben of net-1 as secretariat",
            await service.EchoAsync("Bearer " + renewed.GetProperty("access_token").GetString()));

        var current = renewed.GetProperty("refresh_token").GetString()!;
        Assert.Equal(200, (await flow.RevokeAsync(current, "refresh_token")).Status);
        var (afterRevocation, refusal) = await flow.RefreshAsync(current);

        Assert.Equal(400, afterRevocation);
        Assert.Equal("invalid_grant", refusal.GetProperty("error").GetString());
    }

    [Fact]
    public async Task a_revoked_access_token_is_refused_by_the_service()
    {
        var (_, tokens) = await flow.ExchangeAsync(await flow.SignInWithoutBrowserAsync("ada"));
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        Assert.StartsWith("hi from ada", await service.EchoAsync("Bearer " + accessToken), StringComparison.Ordinal);

        Assert.Equal(200, (await flow.RevokeAsync(accessToken, "access_token")).Status);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<RpcException>(() => service.EchoAsync("Bearer " + accessToken));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("was revoked", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_person_invited_with_a_one_time_link_chooses_a_password_and_signs_in_with_it()
    {
        var invitation = await issuer.RunAsync("invite", "--issuer", issuer.Authority, "--login", "Carla@Example.org",
            "--name", "Carla Chair", "--network", "net-2", "--roles", "secretariat");
        var link = invitation.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http", StringComparison.Ordinal));
        var page = await browser.NewPageAsync();

        await page.GotoAsync(link);
        await page.GetByLabel("Password (at least 12 characters)").FillAsync("correct horse battery");
        await page.GetByLabel("The same again").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Your password is set");
        await page.GotoAsync(link);
        await Expect(page.Locator(".error")).ToContainTextAsync("unknown, used or expired");

        var redirect = await Browser.CatchRedirectAsync(page, CodeFlow.RedirectUri);
        await page.GotoAsync(flow.AuthorizationUrl);
        await page.GetByLabel("E-mail address").FillAsync("carla@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("wrong password!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".error")).ToContainTextAsync("the password is wrong");
        await page.GetByLabel("E-mail address").FillAsync("carla@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var (status, tokens) = await flow.ExchangeAsync(flow.CodeFrom(await redirect.Task.WaitAsync(TimeSpan.FromSeconds(30))));

        Assert.Equal(200, status);
        Assert.Matches("^hi from acc-[0-9a-f]{16} of net-2 as secretariat$",
            await service.EchoAsync("Bearer " + tokens.GetProperty("access_token").GetString()));
    }

    [GeneratedRegex("^Sign in")]
    private static partial Regex SignInTitle();
}
