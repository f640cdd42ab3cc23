using Microsoft.AspNetCore;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NetworkPlatform.Identity.Registrations;
using NetworkPlatform.Identity.Storage;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NetworkPlatform.Identity.Endpoints;

/// <summary>
/// How people sign in: the authorization endpoint (code flow with PKCE) sends a visitor without a session to the sign-in page,
/// which offers the demo people (demo only) and a login with password; the session is the issuer's own cookie. A person
/// invited with `identity invite` sets their password once through the link's setup page. Forms carry antiforgery tokens;
/// a sign-in only ever returns to a local address.
/// </summary>
internal static class SignInPages
{
    public const string SessionScheme = "identity-session";
    public const string SignInPath = "/account/signin";
    public const string SetupPath = "/account/setup";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static PlatformClaims ClaimsOf(Account account) =>
        new(account.NetworkId, account.OrganisationId, account.PersonId, account.RoleList);

    public static void AddSession(IServiceCollection services)
    {
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = ".networkplatform.identity.antiforgery");
        services.AddAuthentication().AddCookie(SessionScheme, cookie =>
        {
            cookie.Cookie.Name = ".networkplatform.identity";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInPath;
            cookie.ReturnUrlParameter = "returnUrl";
        });
    }

    public static void Map(WebApplication app)
    {
        app.MapGet("/connect/authorize", AuthorizeAsync);
        app.MapGet(SignInPath, ShowSignInAsync);
        app.MapPost(SignInPath, SignInAsync);
        app.MapGet(SetupPath, ShowSetupAsync);
        app.MapPost(SetupPath, SetupAsync);
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync);
    }

    /// <summary>
    /// GET /connect/authorize, after OpenIddict checked the client, redirect URI, PKCE and scopes: who is signed in gets a code.
    /// </summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http, Accounts accounts, IssuerOptions options)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict passed no authorization request.");
        var session = await http.AuthenticateAsync(SessionScheme);
        var account = session.Principal?.FindFirstValue(Claims.Subject) is { } subject
            ? await accounts.FindAsync(subject, http.RequestAborted)
            : null;
        if (account is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenEndpoint.Refuse(Errors.LoginRequired, "No one is signed in at the issuer.");
            }
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString },
                [SessionScheme]);
        }
        return Results.SignIn(ClaimsOf(account).Principal(account.Subject, account.DisplayName, request.GetScopes(), options.Audience),
            properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> ShowSignInAsync(HttpContext http, Accounts accounts, IAntiforgery antiforgery, IssuerOptions options,
        string? returnUrl) =>
        Page("Sign in", SignInForm(await DemoPeopleAsync(accounts, options, http), Local(returnUrl), antiforgery.GetAndStoreTokens(http),
            error: null));

    private static async Task<IReadOnlyList<Account>> DemoPeopleAsync(Accounts accounts, IssuerOptions options, HttpContext http) =>
        options.Demo.Enabled ? await accounts.DemoPeopleAsync(http.RequestAborted) : [];

    private static async Task<IResult> SignInAsync(HttpContext http, Accounts accounts, IAntiforgery antiforgery, IssuerOptions options)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Page("Sign in", "<p class=error>The form had expired. Go back and try again.</p>", StatusCodes.Status400BadRequest);
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = Local(form["returnUrl"]);
        Account? account;
        if (options.Demo.Enabled && form["demo"].ToString() is { Length: > 0 } demoSubject)
        {
            account = await accounts.FindAsync(demoSubject, http.RequestAborted) is { IsDemo: true } person ? person : null;
        }
        else
        {
            account = await accounts.CheckPasswordAsync(form["login"].ToString(), form["password"].ToString(), http.RequestAborted);
        }
        if (account is null)
        {
            return Page("Sign in", SignInForm(await DemoPeopleAsync(accounts, options, http), returnUrl,
                antiforgery.GetAndStoreTokens(http), error: "The e-mail address or the password is wrong."),
                StatusCodes.Status401Unauthorized);
        }
        var identity = new ClaimsIdentity(SessionScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, account.Subject));
        identity.AddClaim(new Claim(Claims.Name, account.DisplayName));
        await http.SignInAsync(SessionScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl);
    }

    private static async Task<IResult> ShowSetupAsync(HttpContext http, Accounts accounts, IAntiforgery antiforgery, string? code) =>
        code is not null && await accounts.FindBySetupCodeAsync(code, http.RequestAborted) is { } account
            ? Page("Choose your password", SetupForm(account, code, antiforgery.GetAndStoreTokens(http), error: null))
            : Page("Choose your password", "<p class=error>This link is unknown, used or expired. Ask the secretariat for a new one.</p>",
                StatusCodes.Status404NotFound);

    private static async Task<IResult> SetupAsync(HttpContext http, Accounts accounts, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Page("Choose your password", "<p class=error>The form had expired. Open the link again.</p>",
                StatusCodes.Status400BadRequest);
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var code = form["code"].ToString();
        if (await accounts.FindBySetupCodeAsync(code, http.RequestAborted) is not { } account)
        {
            return Page("Choose your password",
                "<p class=error>This link is unknown, used or expired. Ask the secretariat for a new one.</p>",
                StatusCodes.Status404NotFound);
        }
        var password = form["password"].ToString();
        var error = password.Length < Accounts.MinimumPasswordLength
            ? $"Choose a password of at least {Accounts.MinimumPasswordLength} characters."
            : password != form["repeat"].ToString() ? "The two passwords differ; type the same one twice."
            : null;
        if (error is not null)
        {
            return Page("Choose your password", SetupForm(account, code, antiforgery.GetAndStoreTokens(http), error),
                StatusCodes.Status400BadRequest);
        }
        await accounts.SetPasswordAsync(account, password, http.RequestAborted);
        return Page("Password set",
            $"<p>Your password is set. Sign in with <b>{Html.Encode(account.LoginName)}</b> from the application you use.</p>");
    }

    /// <summary>
    /// GET or POST /connect/endsession: ends the issuer session, then OpenIddict returns to the client's post-logout address.
    /// </summary>
    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(SessionScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = SignInPath },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>Only addresses on this server: a sign-in never sends the browser elsewhere.</summary>
    private static string Local(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] is not '/' and not '\\' ? url : "/";

    private static string SignInForm(IReadOnlyList<Account> demoPeople, string returnUrl, AntiforgeryTokenSet tokens, string? error)
    {
        var forgery = $"<input type=hidden name=\"{Html.Encode(tokens.FormFieldName)}\" value=\"{Html.Encode(tokens.RequestToken!)}\">";
        var back = $"<input type=hidden name=returnUrl value=\"{Html.Encode(returnUrl)}\">";
        var demo = demoPeople.Count == 0 ? "" : $"""
            <h2>Demo people</h2>
            <p>This is a demo: sign in as one of its people with one click.</p>
            <ul class=people>{string.Concat(demoPeople.Select(p => $"""
                <li><form method=post action="{SignInPath}">{forgery}{back}<input type=hidden name=demo value="{Html.Encode(p.Subject)}">
                <button type=submit>{Html.Encode(p.DisplayName)}</button>
                <span>{Html.Encode(p.Description ?? "")} ({Html.Encode(p.Roles)}, {Html.Encode(p.NetworkId)})</span></form></li>
                """))}</ul>
            <h2>Or with a password</h2>
            """;
        return $"""
            {(error is null ? "" : $"<p class=error role=alert>{Html.Encode(error)}</p>")}
            {demo}
            <form method=post action="{SignInPath}" class=password>{forgery}{back}
              <label>E-mail address <input name=login type=email autocomplete=username required></label>
              <label>Password <input name=password type=password autocomplete=current-password required></label>
              <button type=submit>Sign in</button>
            </form>
            <p class=hint>No password yet? The secretariat sends you a one-time link to choose one.</p>
            """;
    }

    private static string SetupForm(Account account, string code, AntiforgeryTokenSet tokens, string? error) => $"""
        {(error is null ? "" : $"<p class=error role=alert>{Html.Encode(error)}</p>")}
        <p>Choose the password for <b>{Html.Encode(account.LoginName)}</b> ({Html.Encode(account.DisplayName)}).</p>
        <form method=post action="{SetupPath}">
          <input type=hidden name="{Html.Encode(tokens.FormFieldName)}" value="{Html.Encode(tokens.RequestToken!)}">
          <input type=hidden name=code value="{Html.Encode(code)}">
          <label>Password (at least {Accounts.MinimumPasswordLength} characters) <input name=password type=password
            autocomplete=new-password required></label>
          <label>The same again <input name=repeat type=password autocomplete=new-password required></label>
          <button type=submit>Set password</button>
        </form>
        """;

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => Results.Content($$"""
        <!doctype html>
        <html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width, initial-scale=1">
        <meta name=referrer content=no-referrer>
        <title>{{Html.Encode(title)}} · Network Platform</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
          h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
          ul.people { list-style: none; padding: 0; } ul.people li { margin: .4rem 0; } ul.people span { color: #555; font-size: .9rem; }
          label { display: block; margin: .6rem 0; }
          input { display: block; width: 100%; padding: .4rem; font: inherit; box-sizing: border-box; }
          input[type=hidden] { display: none; } button { padding: .4rem .9rem; font: inherit; cursor: pointer; }
          .error { color: #a00000; font-weight: 600; } .hint { color: #555; font-size: .9rem; }
        </style></head>
        <body><h1>{{Html.Encode(title)}} · Network Platform</h1>
        {{body}}
        </body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
