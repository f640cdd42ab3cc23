using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.AspNetCore.HealthChecks;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Telemetry;

namespace NetworkPlatform.Hosting;

/// <summary>
/// The one call every service host makes: configuration from environment variables, Kestrel (h2c on GRPC_PORT unless
/// URLs are configured), Grpc.AspNetCore with 4 MiB message limits, JwtBearer authentication, grpc.health.v1 that follows
/// the service's "ready" health checks, server reflection, RPC metrics, graceful shutdown, OpenTelemetry and JSON logs.
/// </summary>
public static class ServiceDefaults
{
    public const int DefaultGrpcPort = 8080;

    /// <summary>Largest message accepted or sent; a larger one ends the call with RESOURCE_EXHAUSTED.</summary>
    public const int MaxMessageSize = 4 * 1024 * 1024;

    /// <summary>The tag of the health checks a service's readiness (its grpc.health.v1 status) follows: database, bus.</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Cleartext endpoints speak gRPC's h2c only with HTTP/2 alone (also those from urls / ASPNETCORE_URLS).
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.Http2.MaxStreamsPerConnection = 256;
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
            if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"]))
            {
                kestrel.Listen(BindAddress(configuration), configuration.GetValue("GRPC_PORT", DefaultGrpcPort), listen => listen.Protocols = HttpProtocols.Http2);
            }
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageSize;
            grpc.MaxSendMessageSize = MaxMessageSize;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(health =>
        {
            // "" is the server as a whole: SERVING until it drains. Services are added by MapGrpcServiceWithHealth.
            health.Services.Clear();
            health.Services.Map("", check => check.Name == Draining.Name);
        }).AddCheck<Draining>(Draining.Name, tags: [ReadyTag]);
        // Check runs the health checks on every call; Watch streams follow a run every 5 s (the first once start-up has migrated).
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher => publisher.Period = TimeSpan.FromSeconds(5));
        builder.Services.AddPlatformAuthentication(configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions());
        builder.Services.AddSingleton<IStartupFilter, RpcTelemetry.StartupFilter>();
        builder.Services.AddPlatformTelemetry(serviceName);
        // The client factory logs four lines per peer call at Information.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        if (!string.Equals(configuration["Logging:Format"], "text", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddPlatformJsonLogs();
        }
        // Long enough to drain in-flight calls and flush the outbox; Kubernetes waits 30 s before SIGKILL.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
        return builder;
    }

    /// <summary>BIND_ADDRESS (e.g. 127.0.0.1 for `make run`), or every interface (containers).</summary>
    public static System.Net.IPAddress BindAddress(IConfiguration configuration) =>
        configuration["BIND_ADDRESS"] is { Length: > 0 } address ? System.Net.IPAddress.Parse(address) : System.Net.IPAddress.IPv6Any;

    /// <summary>
    /// Who this service is when it calls a peer outside any request (event handlers): its own client at the issuer
    /// (Auth__ClientId, client credentials). Without one only a start-up warning is registered: such calls carry no token,
    /// so peers refuse them.
    /// </summary>
    public static WebApplicationBuilder AddServiceIdentity(this WebApplicationBuilder builder, string serviceName)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (!options.HasClient)
        {
            builder.Services.AddHostedService(sp => new MissingServiceIdentityWarning(serviceName, sp.GetRequiredService<ILogger<MissingServiceIdentityWarning>>()));
            return builder;
        }
        builder.Services.AddSingleton(sp => new ServiceTokens(
            sp.GetRequiredService<IssuerMetadata>(), sp.GetRequiredService<AuthOptions>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton(sp => new ServiceIdentity(sp.GetRequiredService<ServiceTokens>().TokenForAsync));
        return builder;
    }

    /// <summary>Serves health and reflection (v1 and v1alpha), both open to callers without tokens.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Serves a platform gRPC service: callers need a valid token (policy <see cref="PlatformAuthentication.CallerPolicy"/>),
    /// and its grpc.health.v1 status (under its full name) follows the health checks tagged <see cref="ReadyTag"/>.
    /// </summary>
    public static WebApplication MapGrpcServiceWithHealth<TService>(this WebApplication app) where TService : class
    {
        app.MapGrpcService<TService>().RequireAuthorization(PlatformAuthentication.CallerPolicy);
        app.Services.GetRequiredService<IOptions<GrpcHealthChecksOptions>>().Value.Services
            .Map(GeneratedService(typeof(TService)).FullName, check => check.Tags.Contains(ReadyTag));
        return app;
    }

    /// <summary>The addresses Kestrel listens on, once started.</summary>
    public static IReadOnlyCollection<string> ListeningAddresses(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>The service a class deriving from a generated *Base class implements.</summary>
    private static ServiceDescriptor GeneratedService(Type serviceType)
    {
        for (var type = serviceType.BaseType; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttributes(typeof(BindServiceMethodAttribute), inherit: false) is [BindServiceMethodAttribute bind]
                && bind.BindType.GetProperty("Descriptor")?.GetValue(null) is ServiceDescriptor descriptor)
            {
                return descriptor;
            }
        }
        throw new InvalidOperationException($"{serviceType.FullName} does not derive from a generated service base class.");
    }

    /// <summary>Unhealthy once the host is stopping: load balancers and probes see the server draining.</summary>
    private sealed class Draining(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public const string Name = "draining";

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("The server is shutting down; use another instance.")
                : HealthCheckResult.Healthy());
    }
}
