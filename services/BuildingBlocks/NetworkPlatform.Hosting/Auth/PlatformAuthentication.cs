using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using NetworkPlatform.Hosting.Errors;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// Bearer tokens with ASP.NET Core's JwtBearer: tokens of the configured issuer are checked against its keys (a JWKS file or
/// URL, cached, re-fetched when an unknown key id arrives); tokens of the service issuer (when a service signing key is
/// configured) against the services' own key only, so neither key can sign for the other. The policy
/// <see cref="CallerPolicy"/> requires an authenticated caller. A refused call gets UNAUTHENTICATED with what to do about
/// it: as a gRPC status on gRPC calls, as a google.rpc.Status JSON body with HTTP 401 otherwise.
/// </summary>
public static class PlatformAuthentication
{
    /// <summary>The authorization policy of the platform's services: an authenticated caller.</summary>
    public const string CallerPolicy = "caller";

    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, AuthOptions options)
    {
        options.Validate();
        services.AddSingleton(options);
        // Loaded now: a missing or malformed key stops the start with what to do, not the first background call.
        var serviceKey = options.ServiceSigningKeyFile is { Length: > 0 } serviceKeyFile ? ServiceSigningKey.Load(serviceKeyFile) : null;
        if (serviceKey is not null)
        {
            services.AddSingleton(serviceKey);
        }
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt => Configure(jwt, options, serviceKey));
        services.AddAuthorizationBuilder().AddPolicy(CallerPolicy, policy => policy.RequireAuthenticatedUser());
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions options, ServiceSigningKey? serviceKey)
    {
        jwt.TokenHandlers.Clear();
        jwt.TokenHandlers.Add(new ValidatedTokenCache());
        jwt.MapInboundClaims = false;
        jwt.ConfigurationManager = IssuerKeys(options);
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuers = serviceKey is null ? [options.Issuer] : [options.Issuer, options.ServiceIssuer],
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = options.ClockSkew,
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = ClaimNames.Roles,
            IssuerSigningKeyResolverUsingConfiguration = (_, token, _, _, configuration) =>
                serviceKey is not null && token is JsonWebToken { Issuer: var issuer } && issuer == options.ServiceIssuer
                    ? [serviceKey.PublicKey]
                    : configuration?.SigningKeys ?? [],
        };
        jwt.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // Two headers would let a gateway check one token while the service used the other.
                if (context.Request.Headers.Authorization.Count > 1)
                {
                    context.Fail(new SecurityTokenException(
                        $"The call carried {context.Request.Headers.Authorization.Count} authorization headers; send exactly one."));
                }
                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                context.HandleResponse();
                return WriteUnauthenticatedAsync(context.HttpContext, Explain(context.Request.Headers.Authorization, context.AuthenticateFailure, options));
            },
        };
    }

    /// <summary>The issuer's public keys from Auth__SigningKeyFile or Auth__JwksUrl: cached 10 minutes, refreshed at most once a minute on a miss.</summary>
    private static ConfigurationManager<OpenIdConnectConfiguration> IssuerKeys(AuthOptions options)
    {
        IDocumentRetriever documents = options.SigningKeyFile is { Length: > 0 } ? new FileDocumentRetriever() : new HttpDocumentRetriever { RequireHttps = false };
        return new ConfigurationManager<OpenIdConnectConfiguration>(options.SigningKeyFile is { Length: > 0 } file ? file : options.JwksUrl!, new JwksRetriever(), documents)
        {
            AutomaticRefreshInterval = TimeSpan.FromMinutes(10),
            RefreshInterval = TimeSpan.FromMinutes(1),
        };
    }

    internal static string Explain(Microsoft.Extensions.Primitives.StringValues authorization, Exception? failure, AuthOptions options) => failure switch
    {
        null when authorization.Count == 0 || string.IsNullOrEmpty(authorization[0]) =>
            "This call needs a token: send the header 'authorization: Bearer <token>'.",
        null => "The authorization header must read 'Bearer <token>'.",
        SecurityTokenExpiredException expired => $"The bearer token expired at {expired.Expires:u}; get a new one.",
        SecurityTokenNotYetValidException early => $"The bearer token is not valid before {early.NotBefore:u}; check the clocks.",
        SecurityTokenInvalidIssuerException => $"The bearer token was not issued by '{options.Issuer}'; use a token from that issuer.",
        SecurityTokenInvalidAudienceException => $"The bearer token is not meant for '{options.Audience}'; ask for a token with that audience.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "The bearer token's signature does not match the issuer's keys; it was altered or signed by someone else.",
        SecurityTokenNoExpirationException => "The bearer token has no expiry (exp); tokens without one are refused.",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is not a well-formed JWT; send the token exactly as issued.",
        { InnerException: { } inner } when inner is SecurityTokenMalformedException or ArgumentException =>
            "The bearer token is not a well-formed JWT; send the token exactly as issued.",
        SecurityTokenException { Message: var message } when message.Contains("authorization headers", StringComparison.Ordinal) => message,
        _ => "The bearer token was refused; ask for a new one.",
    };

    /// <summary>
    /// UNAUTHENTICATED with <paramref name="reason"/>: a trailers-only gRPC response (HTTP 200, grpc-status 16, the google.rpc.Status
    /// in grpc-status-details-bin) for gRPC and gRPC-Web calls, HTTP 401 with the google.rpc.Status as JSON for anything else.
    /// </summary>
    public static Task WriteUnauthenticatedAsync(HttpContext http, string reason)
    {
        var status = RpcErrors.Status(StatusCode.Unauthenticated, reason, "UNAUTHENTICATED", null);
        var response = http.Response;
        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = http.Request.ContentType.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase)
                ? http.Request.ContentType
                : "application/grpc";
            response.Headers["grpc-status"] = ((int)StatusCode.Unauthenticated).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(reason);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = "Bearer";
        response.ContentType = "application/json";
        return response.WriteAsync(RpcErrors.ToJson(status), http.RequestAborted);
    }

    /// <summary>Reads a JWKS document (not an OpenID Connect discovery document) into the configuration JwtBearer validates with.</summary>
    private sealed class JwksRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            var keys = new JsonWebKeySet(await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false));
            var configuration = new OpenIdConnectConfiguration { JsonWebKeySet = keys };
            foreach (var key in keys.GetSigningKeys())
            {
                configuration.SigningKeys.Add(key);
            }
            return configuration;
        }
    }
}
