using NetworkPlatform.Identity.Registrations;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlerFilters;

namespace NetworkPlatform.Identity.Endpoints;

/// <summary>
/// Who may introspect a token (POST /connect/introspect): the client it was issued to or one it is meant for, as OpenIddict's
/// own rule says (it replaces that rule), and besides them the platform's services, for any access token: they check every
/// caller's token for revocation (Auth__RevocationCheckInterval), and the tokens are meant for the platform's API as a whole.
/// </summary>
internal sealed class ServicesMayIntrospect(IOpenIddictApplicationManager applications)
    : IOpenIddictServerHandler<ValidateIntrospectionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor
        .CreateBuilder<ValidateIntrospectionRequestContext>()
        .AddFilter<RequireClientIdParameter>()
        .UseScopedHandler<ServicesMayIntrospect>()
        .SetOrder(OpenIddictServerHandlers.Introspection.ValidateAuthorizedParty.Descriptor.Order)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateIntrospectionRequestContext context)
    {
        var principal = context.GenericTokenPrincipal!;
        var clientId = context.Request.ClientId!;
        if (principal.HasPresenter(clientId) || principal.HasAudience(clientId))
        {
            return;
        }
        if (principal.HasTokenType(TokenTypeIdentifiers.AccessToken)
            && await applications.FindByClientIdAsync(clientId) is { } application
            && ClientKinds.KindOf(await applications.GetPropertiesAsync(application)) == ClientKinds.Service)
        {
            return;
        }
        context.Reject(Errors.InvalidToken, $"Client '{clientId}' may not introspect this token: it was not issued to it or meant for it.");
    }
}
