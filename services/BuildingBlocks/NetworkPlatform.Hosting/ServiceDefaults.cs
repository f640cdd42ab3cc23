using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Grpc;
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Readiness;
using NetworkPlatform.Hosting.Interceptors;
using NetworkPlatform.Hosting.Telemetry;

namespace NetworkPlatform.Hosting;

/// <summary>
/// The one call every service host makes: configuration from environment variables, Kestrel (h2c on GRPC_PORT unless
/// URLs are configured), the gRPC runtime with telemetry and authentication interceptors, health that follows the
/// service's "ready" health checks, graceful shutdown, OpenTelemetry and JSON logs.
/// </summary>
public static class ServiceDefaults
{
    public const int DefaultGrpcPort = 8080;

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"]))
        {
            var port = configuration.GetValue("GRPC_PORT", DefaultGrpcPort);
            // Explicit: endpoint defaults (HTTP/2 from AddGrpcServer) apply only to endpoints listened on after they are set.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(BindAddress(configuration), port, listen => listen.Protocols = HttpProtocols.Http2));
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.MaxStreamsPerConnection = 256;
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
            // Message sizes are enforced per message by the gRPC runtime; a stream's whole body is unbounded.
            kestrel.Limits.MaxRequestBodySize = null;
        });

        builder.Services.AddGrpcServer(grpc => grpc.AddInterceptor<RpcTelemetryInterceptor>().AddInterceptor<AuthenticationInterceptor>());
        builder.Services.AddPlatformAuthentication(configuration);
        builder.Services.AddPlatformTelemetry(serviceName);
        if (!string.Equals(configuration["Logging:Format"], "text", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddPlatformJsonLogs();
        }
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<ServiceHealthNames>();
        builder.Services.AddHostedService<ReadinessMonitor>();
        // Long enough to drain in-flight calls and flush the outbox; Kubernetes waits 30 s before SIGKILL.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
        return builder;
    }

    /// <summary>BIND_ADDRESS (e.g. 127.0.0.1 for `make run`), or every interface (containers).</summary>
    public static System.Net.IPAddress BindAddress(IConfiguration configuration) =>
        configuration["BIND_ADDRESS"] is { Length: > 0 } address ? System.Net.IPAddress.Parse(address) : System.Net.IPAddress.IPv6Any;

    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPlatformAuthentication(configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions());

    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, AuthOptions options)
    {
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<SigningKeys>(_ => new SigningKeys(options));
        if (options.ServiceSigningKeyFile is { Length: > 0 } serviceKeyFile)
        {
            // Loaded now: a missing or malformed key stops the start with what to do, not the first background call.
            services.AddSingleton(ServiceSigningKey.Load(serviceKeyFile));
        }
        services.AddSingleton<JwtAuthenticator>();
        return services;
    }

    /// <summary>
    /// Who this service is when it calls a peer outside any request (event handlers): tokens it signs for itself with
    /// the service signing key (Auth__ServiceSigningKeyFile). Without that key only a start-up warning is registered:
    /// such calls carry no token, so peers refuse them.
    /// </summary>
    public static WebApplicationBuilder AddServiceIdentity(this WebApplicationBuilder builder, string serviceName)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (options.ServiceSigningKeyFile is not { Length: > 0 })
        {
            builder.Services.AddHostedService(sp => new MissingServiceIdentityWarning(serviceName, sp.GetRequiredService<ILogger<MissingServiceIdentityWarning>>()));
            return builder;
        }
        builder.Services.AddSingleton(sp => new ServiceTokens(
            sp.GetRequiredService<ServiceSigningKey>(), options, serviceName, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton(sp =>
        {
            var tokens = sp.GetRequiredService<ServiceTokens>();
            return new ServiceIdentity(network => "Bearer " + tokens.TokenFor(network));
        });
        return builder;
    }

    /// <summary>Serves health and reflection (both open to callers without tokens).</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapGrpcHealthService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>Serves a gRPC service whose health (under its full name) follows the readiness checks.</summary>
    public static WebApplication MapGrpcServiceWithHealth<TService>(this WebApplication app) where TService : class
    {
        app.MapGrpcService<TService>();
        app.Services.GetRequiredService<ServiceHealthNames>().Add(GeneratedServiceName(typeof(TService)));
        return app;
    }

    /// <summary>The addresses Kestrel listens on, once started.</summary>
    public static IReadOnlyCollection<string> ListeningAddresses(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    private static string GeneratedServiceName(Type serviceType)
    {
        for (var type = serviceType.BaseType; type is not null; type = type.BaseType)
        {
            if (type.DeclaringType?.GetField("ServiceName")?.GetRawConstantValue() is string name)
            {
                return name;
            }
        }
        throw new InvalidOperationException($"{serviceType.FullName} does not derive from a generated service base class.");
    }
}

/// <summary>Calls from one service to another on behalf of the caller: forwards the caller's token (the callee checks tenancy itself).</summary>
public static class ServiceCalls
{
    public static CallOptions OnBehalfOf(this ServerCallContext context, TimeSpan? timeout = null)
    {
        var headers = new Metadata();
        if (context.RequestHeaders.GetValue("authorization") is { } authorization)
        {
            headers.Add("authorization", authorization);
        }
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        return new CallOptions(headers, deadline < context.Deadline ? deadline : context.Deadline, context.CancellationToken);
    }

    /// <summary>A channel to a peer service from configuration Services__{name} (e.g. http://127.0.0.1:5101 or dns:///membership-headless:8080).</summary>
    public static GrpcChannel ChannelTo(IConfiguration configuration, string name)
    {
        var target = configuration[$"Services:{name}"]
            ?? throw new InvalidOperationException($"Set Services__{name} to the address of the {name} service (e.g. http://127.0.0.1:5101).");
        return GrpcChannel.ForAddress(target);
    }
}
