using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NetworkPlatform.Identity.Endpoints;
using NetworkPlatform.Identity.Keys;
using NetworkPlatform.Identity.Registrations;
using NetworkPlatform.Identity.Storage;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NetworkPlatform.Identity;

/// <summary>
/// The embedded OpenID Connect issuer as a module, for its own process (Program.cs) and the standalone host:
/// <code>
/// services.AddIdentityIssuer(configuration);   // OpenIddict on its own database, keys, registrations (section Identity)
/// app.MapIdentityIssuer();                     // sign-in pages and the passthrough endpoints
/// </code>
/// Endpoints: /.well-known/openid-configuration, /.well-known/jwks, /connect/authorize (code + PKCE), /connect/token (client
/// credentials, authorization code, refresh token, and in a demo the demo grant), /connect/introspect, /connect/revoke,
/// /connect/endsession, and the pages under /account.
/// </summary>
public static class IdentityModule
{
    public const string ServiceName = IdentityDatabase.Name;

    public static IServiceCollection AddIdentityIssuer(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(IssuerOptions.SectionName).Get<IssuerOptions>() ?? new IssuerOptions();
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging(logging => logging
            // EF Core logs every statement at Information.
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning)
            // OpenIddict's Information logs print each request's parameters, and it does not redact code_verifier.
            .AddFilter("OpenIddict", LogLevel.Warning)
            // The request lines carry query strings, and a one-time link's code (/account/setup?code=...) is a secret.
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        services.AddDbContext<IdentityDbContext>(database => IdentityDatabase.Configure(database, configuration.GetSection("Storage")));
        services.AddScoped<Accounts>();
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                if (options.Issuer is { Length: > 0 } issuer)
                {
                    server.SetIssuer(new Uri(issuer));
                }
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
                if (options.Demo.Enabled)
                {
                    server.AllowCustomFlow(DemoGrant.Type);
                }
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    .SetIdentityTokenLifetime(IssuerOptions.IdentityTokenLifetime);
                // The services validate access tokens themselves with the published keys: signed, not encrypted.
                server.DisableAccessTokenEncryption();
                server.RemoveEventHandler(OpenIddictServerHandlers.Introspection.ValidateAuthorizedParty.Descriptor);
                server.AddEventHandler(ServicesMayIntrospect.Descriptor);
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (options.HttpAllowed)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        services.AddSingleton<KeyRing>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<KeyRing>());
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(sp => sp.GetRequiredService<KeyRing>());
        // In this order: the database and registrations first, then the keys (stored in that database).
        services.AddHostedService<IssuerStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<KeyRing>());
        SignInPages.AddSession(services);
        return services;
    }

    public static WebApplication MapIdentityIssuer(this WebApplication app)
    {
        app.MapPost("/connect/token", TokenEndpoint.ExchangeAsync);
        SignInPages.Map(app);
        return app;
    }
}
