using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Grpc;
using NetworkPlatform.Grpc.Hosting;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// Validates the bearer token of every call that carries one and sets <see cref="ServerCallContext.User"/>; a bad token
/// ends the call with UNAUTHENTICATED. Calls without a token pass, so health and reflection stay open, and services
/// refuse them when they ask for the caller (<see cref="CallerExtensions.GetCaller"/>).
/// </summary>
public sealed class AuthenticationInterceptor(JwtAuthenticator authenticator) : ServerInterceptor
{
    public override async ValueTask OnCallStartingAsync(ServerCallContext context, IMessage? request)
    {
        var authorization = context.RequestHeaders.GetValue("authorization");
        if (authorization is not null)
        {
            context.User = await authenticator.AuthenticateAsync(authorization, context.CancellationToken).ConfigureAwait(false);
        }
    }
}

public static class AuthenticationRegistration
{
    /// <summary>JWT authentication from the "Auth" section (Auth__Issuer, Auth__Audience, Auth__JwksUrl or Auth__SigningKeyFile).</summary>
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPlatformAuthentication(configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions());

    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, AuthOptions options)
    {
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(new SigningKeys(options));
        services.AddSingleton<JwtAuthenticator>();
        services.AddSingleton<AuthenticationInterceptor>();
        services.Configure<GrpcServerOptions>(grpc => grpc.AddInterceptor<AuthenticationInterceptor>());
        return services;
    }
}
