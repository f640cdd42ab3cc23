using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Identity.Tests.Support;

/// <summary>
/// The authorization code flow with PKCE (S256) of a public client registered with the redirect URI <see cref="RedirectUri"/>:
/// the authorization request, the code's exchange, refresh and revocation. <see cref="SignInWithoutBrowserAsync"/> walks the
/// sign-in page with an HttpClient (cookies, antiforgery token) for tests about something else than the browser.
/// </summary>
internal sealed partial class CodeFlow(IssuerProcess issuer, string clientId)
{
    /// <summary>Nothing listens there: the browser tests catch the redirect, the HttpClient reads its Location.</summary>
    public const string RedirectUri = "http://127.0.0.1:9/callback";

    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string State { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Registers <paramref name="clientId"/> as a public web client (no secret, PKCE required) with <see cref="RedirectUri"/>.
    /// </summary>
    public static async Task<CodeFlow> RegisterAsync(IssuerProcess issuer, string clientId)
    {
        await issuer.RunAsync("register-client", "--client-id", clientId, "--kind", "web", "--public", "true", "--redirect-uris",
            RedirectUri);
        return new CodeFlow(issuer, clientId);
    }

    public string AuthorizationUrl => QueryHelpers.AddQueryString(issuer.Authority + "connect/authorize", new Dictionary<string, string?>
    {
        ["client_id"] = clientId,
        ["redirect_uri"] = RedirectUri,
        ["response_type"] = "code",
        ["scope"] = "openid profile offline_access",
        ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(Verifier))),
        ["code_challenge_method"] = "S256",
        ["state"] = State,
    });

    /// <summary>The code in the redirect, after checking that it carries this flow's state.</summary>
    public string CodeFrom(string redirect)
    {
        var query = QueryHelpers.ParseQuery(new Uri(redirect).Query);
        Assert.Equal(State, query["state"].ToString());
        return query.TryGetValue("code", out var code)
            ? code.ToString()
            : throw new InvalidOperationException($"No code in the redirect {redirect}");
    }

    public Task<(int Status, JsonElement Body)> ExchangeAsync(string code, string? verifier = null) =>
        issuer.PostAsync("connect/token", clientId, null, ("grant_type", "authorization_code"), ("code", code),
            ("redirect_uri", RedirectUri),
            ("code_verifier", verifier ?? Verifier));

    public Task<(int Status, JsonElement Body)> RefreshAsync(string refreshToken) =>
        issuer.PostAsync("connect/token", clientId, null, ("grant_type", "refresh_token"), ("refresh_token", refreshToken));

    public Task<(int Status, JsonElement Body)> RevokeAsync(string token, string hint) =>
        issuer.PostAsync("connect/revoke", clientId, null, ("token", token), ("token_type_hint", hint));

    /// <summary>Signs in as the demo person <paramref name="demoSubject"/> through the sign-in page with an HttpClient; the code.</summary>
    public async Task<string> SignInWithoutBrowserAsync(string demoSubject)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(issuer.Authority) };
        var toSignIn = await http.GetAsync(AuthorizationUrl);
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        var page = await http.GetStringAsync(toSignIn.Headers.Location);
        var form = new Dictionary<string, string>
        {
            [AntiforgeryField().Match(page).Groups[1].Value] = AntiforgeryField().Match(page).Groups[2].Value,
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrl().Match(page).Groups[1].Value),
            ["demo"] = demoSubject,
        };
        var signedIn = await http.PostAsync("account/signin", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authorized = await http.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        return CodeFrom(authorized.Headers.Location!.ToString());
    }

    [GeneratedRegex("name=\"(__RequestVerificationToken)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=returnUrl value=\"([^\"]+)\"")]
    private static partial Regex ReturnUrl();
}
