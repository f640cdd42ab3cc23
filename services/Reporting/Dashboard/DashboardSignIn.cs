using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using NetworkPlatform.Hosting.Auth;

namespace NetworkPlatform.Reporting.Dashboard;

/// <summary>
/// People sign in to the dashboard at the platform's issuer (Auth__Authority) with the authorization code flow and PKCE, as
/// the client Dashboard__ClientId; the session is an HttpOnly cookie holding their tokens. The page asks
/// GET /dashboard/session (same origin) for the access token it sends to the API; it is never in an address. The session
/// refreshes the access token with the refresh token when it is about to expire. GET /dashboard/signout ends both sessions.
/// </summary>
public static class DashboardSignIn
{
    public const string CookieScheme = "dashboard";
    public const string SignInScheme = "dashboard-oidc";
    public const string Policy = "dashboard";
    public const string SessionPath = "/dashboard/session";

    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The dashboard's client at the issuer: configuration section "Dashboard" (ClientId, ClientSecretFile or ClientSecret).
    /// </summary>
    public sealed class Options
    {
        public string? ClientId { get; set; }

        public string? ClientSecretFile { get; set; }

        public string? ClientSecret { get; set; }

        public bool Configured => !string.IsNullOrWhiteSpace(ClientId);
    }

    public static IServiceCollection AddDashboardSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Dashboard").Get<Options>() ?? new Options();
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        var authentication = services.AddAuthentication().AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = ".networkplatform.dashboard";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            if (options.Configured)
            {
                cookie.ForwardChallenge = SignInScheme;
            }
        });
        if (options.Configured)
        {
            // The request lines carry query strings: the sign-in's return (/signin-oidc?code=...) would put the code in the log.
            services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
            if (string.IsNullOrWhiteSpace(auth.Authority))
            {
                throw new InvalidOperationException(
                    "Dashboard__ClientId is set but Auth__Authority is not: the dashboard signs people in at that issuer.");
            }
            authentication.AddOpenIdConnect(SignInScheme, oidc =>
            {
                // Read when the first person signs in: the secret file may be mounted after the start.
                var secret = options.ClientSecretFile is { Length: > 0 } file
                    ? new AuthOptions { ClientId = options.ClientId, ClientSecretFile = file }.ReadClientSecret()
                    : options.ClientSecret;
                oidc.Authority = auth.Authority;
                oidc.RequireHttpsMetadata = new Uri(auth.Authority).Scheme == Uri.UriSchemeHttps;
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = secret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in a top-level GET: the correlation and nonce cookies can be SameSite=Lax, and plain
                // HTTP keeps working where it is configured (make run, make up).
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.CorrelationCookie.SameSite = oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.Scope.Add("profile");
                oidc.Scope.Add("offline_access");
                oidc.SignInScheme = CookieScheme;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = ClaimNames.Roles;
            });
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
        services.AddHttpClient(SignInScheme);
        return services;
    }

    /// <summary>
    /// The page needs a signed-in person when sign-in is configured: without the session cookie the browser goes to the issuer.
    /// </summary>
    public static RouteHandlerBuilder RequireSignIn(this RouteHandlerBuilder endpoint, WebApplication app) =>
        app.Services.GetRequiredService<Options>().Configured ? endpoint.RequireAuthorization(Policy) : endpoint;

    public static void MapDashboardSession(this WebApplication app)
    {
        app.MapGet(SessionPath, SessionAsync);
        app.MapGet("/dashboard/signout", (Options options) => options.Configured
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme, SignInScheme])
            : Results.Redirect("/"));
    }

    /// <summary>
    /// The signed-in person's network, name and access token (refreshed when it expires within a minute), never cached; 401 when
    /// nobody is signed in (the page then reloads itself into the sign-in), 503 when sign-in is not configured.
    /// </summary>
    private static async Task<IResult> SessionAsync(HttpContext http, Options options, IHttpClientFactory clients)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!options.Configured)
        {
            return Results.Json(
                new { error = "The dashboard's sign-in is not configured: set Dashboard__ClientId and Dashboard__ClientSecretFile." },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var session = await http.AuthenticateAsync(CookieScheme);
        if (!session.Succeeded || session.Properties?.GetTokenValue("access_token") is not { } accessToken)
        {
            return Results.Json(new { error = "Not signed in." }, statusCode: StatusCodes.Status401Unauthorized);
        }
        var properties = session.Properties;
        var expiresAt = DateTimeOffset.Parse(properties.GetTokenValue("expires_at") ?? DateTimeOffset.MinValue.ToString("o"),
            CultureInfo.InvariantCulture);
        if (expiresAt - RefreshAhead < DateTimeOffset.UtcNow)
        {
            if (await RefreshAsync(http, properties, clients) is not { } refreshed)
            {
                await http.SignOutAsync(CookieScheme);
                return Results.Json(new { error = "The session ended at the issuer; sign in again." },
                    statusCode: StatusCodes.Status401Unauthorized);
            }
            (accessToken, expiresAt) = refreshed;
            await http.SignInAsync(CookieScheme, session.Principal!, properties);
        }
        var user = session.Principal!;
        return Results.Json(new
        {
            networkId = user.FindFirst(ClaimNames.Network)?.Value,
            name = user.Identity?.Name,
            accessToken,
            expiresAt,
        });
    }

    /// <summary>
    /// Exchanges the session's refresh token at the issuer and stores the new tokens in <paramref name="properties"/>; null when
    /// refused.
    /// </summary>
    private static async Task<(string AccessToken, DateTimeOffset ExpiresAt)?> RefreshAsync(HttpContext http,
        AuthenticationProperties properties, IHttpClientFactory clients)
    {
        if (properties.GetTokenValue("refresh_token") is not { } refreshToken)
        {
            return null;
        }
        var oidc = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<OpenIdConnectOptions>>()
            .Get(SignInScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        using var response = await clients.CreateClient(SignInScheme).PostAsync(configuration.TokenEndpoint,
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = oidc.ClientId!,
                ["client_secret"] = oidc.ClientSecret ?? "",
            }), http.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(http.RequestAborted));
        var root = body.RootElement;
        var accessToken = root.GetProperty("access_token").GetString()!;
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(root.GetProperty("expires_in").GetDouble());
        properties.UpdateTokenValue("access_token", accessToken);
        properties.UpdateTokenValue("expires_at", expiresAt.ToString("o", CultureInfo.InvariantCulture));
        if (root.TryGetProperty("refresh_token", out var rolled))
        {
            properties.UpdateTokenValue("refresh_token", rolled.GetString()!);
        }
        return (accessToken, expiresAt);
    }
}
