using System.Collections.Immutable;
using System.Text.Json;
using NetworkPlatform.Hosting.Auth;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NetworkPlatform.Identity.Registrations;

/// <summary>
/// The kinds of client the issuer knows, each with the grants and endpoints it may use, and where its tokens' claims come from:
/// <list type="bullet">
/// <item><b>service</b>: a platform service calling its peers outside any request (client credentials). It names the network
/// it acts in per token request (parameter network_id) and acts as that network's secretariat, as the shared service key did.</item>
/// <item><b>partner</b>: a member organisation's system (client credentials); its network, organisation and roles are registered.</item>
/// <item><b>web</b>: an application people sign in to (authorization code with PKCE, refresh tokens): the dashboard; its tokens
/// carry the signed-in person's claims. Confidential with a secret, or public (no secret) for native and browser apps.</item>
/// <item><b>demo</b>: `make token`'s client, only in demo mode: the demo grant (<see cref="DemoGrant"/>).</item>
/// </list>
/// </summary>
public static class ClientKinds
{
    public const string Service = "service";
    public const string Partner = "partner";
    public const string Web = "web";
    public const string Demo = "demo";

    private const string KindProperty = "kind";
    private const string RolesProperty = "roles";

    public static OpenIddictApplicationDescriptor Descriptor(string kind, string clientId, string displayName, string? secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = secret is null ? ClientTypes.Public : ClientTypes.Confidential,
            DisplayName = displayName,
            Properties = { [KindProperty] = JsonSerializer.SerializeToElement(kind) },
        };
        descriptor.Permissions.UnionWith(kind switch
        {
            Service =>
            [
                Permissions.Endpoints.Token, Permissions.Endpoints.Introspection, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.ClientCredentials,
            ],
            Partner => [Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials],
            Web =>
            [
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
            ],
            Demo => [Permissions.Endpoints.Token, Permissions.Prefixes.GrantType + DemoGrant.Type],
            _ => throw new ArgumentException($"Unknown client kind '{kind}'.", nameof(kind)),
        });
        if (kind == Web)
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
        return descriptor;
    }

    /// <summary>A partner system's registration: the network, organisation and roles its tokens carry.</summary>
    public static OpenIddictApplicationDescriptor PartnerDescriptor(string clientId, string displayName, string secret,
        PlatformClaims claims)
    {
        var descriptor = Descriptor(Partner, clientId, displayName, secret);
        descriptor.Properties[ClaimNames.Network] = JsonSerializer.SerializeToElement(claims.NetworkId);
        descriptor.Properties[ClaimNames.Organisation] = JsonSerializer.SerializeToElement(claims.OrganisationId);
        descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(claims.Roles);
        return descriptor;
    }

    public static string KindOf(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(KindProperty, out var kind) ? kind.GetString() ?? "" : "";

    /// <summary>
    /// The claims of a client credentials token for <paramref name="requestedNetwork"/> (the request's network_id), or why none:
    /// a service must name the network, a partner may only name its own.
    /// </summary>
    public static (PlatformClaims? Claims, string? Refusal) ClientClaims(string clientId,
        ImmutableDictionary<string, JsonElement> properties, string? requestedNetwork)
    {
        switch (KindOf(properties))
        {
            case Service:
                return string.IsNullOrWhiteSpace(requestedNetwork)
                    ? (null, $"Client '{clientId}' is a service: name the network it acts in with the parameter network_id.")
                    : (new PlatformClaims(requestedNetwork, null, null, [Application.Roles.Secretariat]), null);
            case Partner:
                var network = properties[ClaimNames.Network].GetString()!;
                if (!string.IsNullOrEmpty(requestedNetwork) && requestedNetwork != network)
                {
                    return (null, $"Client '{clientId}' acts in network '{network}' only; leave out network_id or name that network.");
                }
                var organisation = properties.TryGetValue(ClaimNames.Organisation, out var org) ? org.GetString() : null;
                return (new PlatformClaims(network, organisation, null, properties[RolesProperty].Deserialize<string[]>() ?? []), null);
            default:
                return (null, $"Client '{clientId}' has no claims of its own: people sign in through it (authorization code).");
        }
    }
}
