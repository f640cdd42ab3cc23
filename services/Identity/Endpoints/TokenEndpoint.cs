using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using NetworkPlatform.Identity.Registrations;
using NetworkPlatform.Identity.Storage;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NetworkPlatform.Identity.Endpoints;

/// <summary>
/// POST /connect/token after OpenIddict has authenticated the client and checked the grant: decides what the token says.
/// Client credentials: the client's registration (<see cref="ClientKinds.ClientClaims"/>). Authorization code and refresh
/// token: the signed-in person's account as it is now, so a changed account shows in the next refresh and a removed one
/// gets no more tokens. The demo grant: a demo person (<see cref="DemoGrant"/>).
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> ExchangeAsync(HttpContext http, IOpenIddictApplicationManager applications, Accounts accounts,
        IdentityDbContext database, IssuerOptions options)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict passed no token request.");
        var cancellationToken = http.RequestAborted;
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
                ?? throw new InvalidOperationException("OpenIddict authenticated a client it cannot find.");
            var (claims, refusal) = ClientKinds.ClientClaims(request.ClientId!,
                await applications.GetPropertiesAsync(application, cancellationToken),
                (string?)request[Hosting.Auth.ClaimNames.Network]);
            return claims is null
                ? Refuse(Errors.InvalidRequest, refusal!)
                : SignIn(claims.Principal(request.ClientId!,
                    await applications.GetDisplayNameAsync(application, cancellationToken) ?? request.ClientId!,
                    request.GetScopes(), options.Audience));
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
                ?? throw new InvalidOperationException("OpenIddict validated a code or refresh token without a principal.");
            var account = await accounts.FindAsync(granted.GetClaim(Claims.Subject)!, cancellationToken);
            return account is null
                ? Refuse(Errors.InvalidGrant, "The account this token was issued to no longer exists; sign in again.")
                : SignIn(SignInPages.ClaimsOf(account)
                    .Principal(account.Subject, account.DisplayName, granted.GetScopes(), options.Audience));
        }
        if (request.GrantType == DemoGrant.Type)
        {
            var (person, refusal) = await DemoGrant.FindPersonAsync(database, request, cancellationToken);
            return person is null
                ? Refuse(Errors.InvalidRequest, refusal!)
                : SignIn(SignInPages.ClaimsOf(person).Principal(person.Subject, person.DisplayName, request.GetScopes(), options.Audience));
        }
        return Refuse(Errors.UnsupportedGrantType, $"The grant type '{request.GrantType}' is not supported here.");
    }

    private static IResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    /// <summary>An OAuth error answer (HTTP 400 with error and error_description).</summary>
    public static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
