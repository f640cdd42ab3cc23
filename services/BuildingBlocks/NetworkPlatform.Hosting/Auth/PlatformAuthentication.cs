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
/// Bearer tokens with ASP.NET Core's JwtBearer. With Auth__Authority, JwtBearer reads the issuer's discovery document
/// (issuer, jwks_uri) and keeps its keys fresh itself: a key the issuer publishes ahead is known before tokens name it, and
/// a token naming an unknown key triggers a re-read. Without one (tests), the keys come from a JWKS file. When the service
/// has a client at the issuer, tokens the issuer has revoked are refused too (<see cref="RevocationCheck"/>). The policy
/// <see cref="CallerPolicy"/> requires an authenticated caller. A refused call gets UNAUTHENTICATED with the reason: as a
/// gRPC status on gRPC calls, as a google.rpc.Status JSON body with HTTP 401 otherwise. No token is ever logged.
/// </summary>
public static class PlatformAuthentication
{
    /// <summary>The authorization policy of the platform's services: an authenticated caller.</summary>
    public const string CallerPolicy = "caller";

    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, AuthOptions options)
    {
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<IssuerMetadata>();
        services.AddHttpClient(IssuerMetadata.HttpClientName);
        services.AddSingleton<RevocationCheck>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt => Configure(jwt, options));
        services.AddAuthorizationBuilder().AddPolicy(CallerPolicy, policy =>
            policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions options)
    {
        jwt.TokenHandlers.Clear();
        jwt.TokenHandlers.Add(new ValidatedTokenCache());
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            // With an authority, JwtBearer takes the issuer from its discovery document.
            ValidIssuer = options.Authority is { Length: > 0 } ? null : options.Issuer,
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = options.ClockSkew,
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = ClaimNames.Roles,
        };
        if (options.Authority is { Length: > 0 } authority)
        {
            jwt.Authority = authority;
            // Plain HTTP only where it is configured so: loopback (make run, make up) and inside a dev cluster.
            jwt.RequireHttpsMetadata = new Uri(authority).Scheme == Uri.UriSchemeHttps;
            jwt.AutomaticRefreshInterval = options.MetadataRefreshInterval;
            jwt.RefreshInterval = options.MetadataRetryInterval;
        }
        else
        {
            jwt.ConfigurationManager = FileKeys(options.SigningKeyFile!);
        }
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
            OnTokenValidated = async context =>
            {
                var revocation = context.HttpContext.RequestServices.GetRequiredService<RevocationCheck>();
                if (context.SecurityToken is JsonWebToken token
                    && await revocation.IsRevokedAsync(token, context.HttpContext.RequestAborted))
                {
                    context.Fail(new SecurityTokenRevokedException());
                }
            },
            OnChallenge = context =>
            {
                context.HandleResponse();
                return WriteUnauthenticatedAsync(
                    context.HttpContext, Explain(context.Request.Headers.Authorization, context.AuthenticateFailure, options));
            },
        };
    }

    /// <summary>The keys of a local JWKS file: cached 10 minutes, re-read at most once a minute on a miss.</summary>
    private static ConfigurationManager<OpenIdConnectConfiguration> FileKeys(string file) =>
        new(file, new JwksRetriever(), new FileDocumentRetriever())
        {
            AutomaticRefreshInterval = TimeSpan.FromMinutes(10),
            RefreshInterval = TimeSpan.FromMinutes(1),
        };

    internal static string Explain(Microsoft.Extensions.Primitives.StringValues authorization, Exception? failure,
        AuthOptions options) => failure switch
    {
        null when authorization.Count == 0 || string.IsNullOrEmpty(authorization[0]) =>
            "This call needs a token: send the header 'authorization: Bearer <token>'.",
        null => "The authorization header must read 'Bearer <token>'.",
        SecurityTokenExpiredException expired => $"The bearer token expired at {expired.Expires:u}; get a new one.",
        SecurityTokenNotYetValidException early => $"The bearer token is not valid before {early.NotBefore:u}; check the clocks.",
        // IDX10204: no issuer to compare with, because the issuer's discovery document could not be read.
        SecurityTokenInvalidIssuerException { Message: var message }
            when options.Authority is { Length: > 0 } authority && message.StartsWith("IDX10204", StringComparison.Ordinal) =>
            $"The service could not load the configuration of the issuer {authority}; " +
            "try again shortly (the operators see why in the service's log).",
        SecurityTokenInvalidIssuerException => $"The bearer token was not issued by {IssuerName(options)}; use a token from that issuer.",
        SecurityTokenInvalidAudienceException =>
            $"The bearer token is not meant for '{options.Audience}'; ask for a token with that audience.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "The bearer token's signature does not match the issuer's keys; it was altered or signed by someone else.",
        SecurityTokenNoExpirationException => "The bearer token has no expiry (exp); tokens without one are refused.",
        SecurityTokenRevokedException revoked => revoked.Message,
        SecurityTokenMalformedException or ArgumentException =>
            "The bearer token is not a well-formed JWT; send the token exactly as issued.",
        { InnerException: { } inner } when inner is SecurityTokenMalformedException or ArgumentException =>
            "The bearer token is not a well-formed JWT; send the token exactly as issued.",
        SecurityTokenException { Message: var message } when message.Contains("authorization headers", StringComparison.Ordinal) => message,
        _ => "The bearer token was refused; ask for a new one.",
    };

    private static string IssuerName(AuthOptions options) =>
        options.Authority is { Length: > 0 } authority ? $"the issuer at {authority}" : $"'{options.Issuer}'";

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
        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever,
            CancellationToken cancel)
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

/// <summary>The issuer answered that it revoked the token (introspection: active false).</summary>
public sealed class SecurityTokenRevokedException()
    : SecurityTokenValidationException("The bearer token was revoked (its holder signed out, or an operator withdrew it); get a new one.");
