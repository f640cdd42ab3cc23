using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using NetworkPlatform.Hosting.Auth;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NetworkPlatform.Identity.Registrations;

/// <summary>
/// What a token says about its holder's place in the platform: network, organisation, person and roles (the claims the
/// services read, <see cref="ClaimNames"/>). Until the platform's own data decides who may do what, these come from the
/// issuer's registrations (an account, a client); this is the one place that turns them into token claims.
/// </summary>
public sealed record PlatformClaims(string NetworkId, string? OrganisationId, string? PersonId, IReadOnlyList<string> Roles)
{
    /// <summary>
    /// The principal OpenIddict signs into tokens: subject, display name, these claims, the granted scopes and the platform's
    /// API as audience. Every claim goes into the access token; into the identity token as well (the dashboard shows it).
    /// </summary>
    public ClaimsPrincipal Principal(string subject, string displayName, IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, ClaimNames.Roles);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, displayName)
            .SetClaim(ClaimNames.Network, NetworkId)
            .SetClaim(ClaimNames.Organisation, OrganisationId)
            .SetClaim(ClaimNames.Person, PersonId)
            .SetClaims(ClaimNames.Roles, [.. Roles]);
        identity.SetScopes(scopes.ToImmutableArray()).SetResources(audience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
