using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.AspNetCore.HealthChecks;
using Grpc.AspNetCore.Web;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi.Models;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Hosting.Http;
using NetworkPlatform.Hosting.Telemetry;

namespace NetworkPlatform.Hosting;

/// <summary>
/// The one call every service host makes: configuration from environment variables, Kestrel (h2c gRPC on GRPC_PORT unless
/// URLs are configured; HTTP/1.1 on HTTP_PORT for JSON, gRPC-Web, the OpenAPI document and pages), Grpc.AspNetCore with
/// 4 MiB message limits and JSON transcoding of the google.api.http annotations, JwtBearer authentication, grpc.health.v1
/// that follows the service's "ready" health checks, server reflection, RPC metrics, graceful shutdown, OpenTelemetry and
/// JSON logs.
/// </summary>
public static class ServiceDefaults
{
    public const int DefaultGrpcPort = 8080;

    public const int DefaultHttpPort = 8081;

    /// <summary>Where the OpenAPI document of the JSON API is served, on the HTTP port.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>Largest message accepted or sent; a larger one ends the call with RESOURCE_EXHAUSTED.</summary>
    public const int MaxMessageSize = 4 * 1024 * 1024;

    /// <summary>The tag of the health checks a service's readiness (its grpc.health.v1 status) follows: database, bus.</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var configuration = builder.Configuration;
        var endpoints = new ServiceEndpoints();
        builder.Services.AddSingleton(endpoints);
        var urlsConfigured = !string.IsNullOrEmpty(configuration["urls"]) || !string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Cleartext endpoints speak gRPC's h2c only with HTTP/2 alone (also those from urls / ASPNETCORE_URLS).
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.Http2.MaxStreamsPerConnection = 256;
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
            if (!urlsConfigured)
            {
                kestrel.Listen(BindAddress(configuration), configuration.GetValue("GRPC_PORT", DefaultGrpcPort), listen =>
                {
                    listen.Protocols = HttpProtocols.Http2;
                    endpoints.Grpc = listen;
                });
            }
            // Browsers and curl speak HTTP/1.1, which a cleartext h2c port refuses: JSON and gRPC-Web get their own port.
            if (!urlsConfigured || !string.IsNullOrEmpty(configuration["HTTP_PORT"]))
            {
                kestrel.Listen(BindAddress(configuration), configuration.GetValue("HTTP_PORT", DefaultHttpPort), listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    endpoints.Http = listen;
                });
            }
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageSize;
            grpc.MaxSendMessageSize = MaxMessageSize;
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
        }).AddJsonTranscoding(json => json.TypeRegistry = RpcErrors.DetailTypes);
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(openApi =>
        {
            openApi.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Network Platform",
                Version = "v1",
                Description = "The JSON form of the gRPC API (google.api.http annotations in protos/). " +
                    "Send 'authorization: Bearer <token>'.",
            });
            // Schemas go by full name, so two packages may use the same short name.
            openApi.CustomSchemaIds(type => type.FullName!.Replace("+Types+", ".", StringComparison.Ordinal).Replace('+', '.'));
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(health =>
        {
            // "" is the server as a whole: SERVING until it drains. Services are added by MapGrpcServiceWithHealth.
            health.Services.Clear();
            health.Services.Map("", check => check.Name == Draining.Name);
            // Probes and load balancers read the statuses of the last run, every 5 s (the first 5 s after the start,
            // once migrations have run): a probe never waits for, or loads, the database.
            health.UseHealthChecksCache = true;
        }).AddCheck<Draining>(Draining.Name, tags: [ReadyTag]);
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher => publisher.Period = TimeSpan.FromSeconds(5));
        builder.Services.AddPlatformAuthentication(
            configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions());
        builder.Services.AddSingleton<IStartupFilter, RpcTelemetry.StartupFilter>();
        builder.Services.AddPlatformTelemetry(serviceName);
        // Per-call chatter at Information: ASP.NET Core's two lines per request, the client factory's four per peer call.
        // (Failed calls are logged by RpcTelemetry.)
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
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
            builder.Services.AddHostedService(sp =>
                new MissingServiceIdentityWarning(serviceName, sp.GetRequiredService<ILogger<MissingServiceIdentityWarning>>()));
            return builder;
        }
        builder.Services.AddSingleton(sp => new ServiceTokens(
            sp.GetRequiredService<IssuerMetadata>(), sp.GetRequiredService<AuthOptions>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton(sp => new ServiceIdentity(sp.GetRequiredService<ServiceTokens>().TokenForAsync));
        return builder;
    }

    /// <summary>
    /// Serves health and reflection (v1 and v1alpha), both open to callers without tokens, gRPC-Web for every gRPC service,
    /// the OpenAPI document of the JSON API at <see cref="OpenApiPath"/> and the metrics as Prometheus text at
    /// <see cref="PlatformTelemetry.MetricsPath"/> (for the scraper inside the cluster; the gateway routes only the API).
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseMiddleware<JsonBodyCheck>();
        app.UseSwagger(openApi => openApi.RouteTemplate = "openapi/{documentName}.json");
        app.MapGrpcHealthChecksService().AllowAnonymous();
        var health = app.Services.GetRequiredService<HealthServiceImpl>();
        health.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
        app.Lifetime.ApplicationStopping.Register(() => DrainHealth(health, app.Services));
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapPrometheusScrapingEndpoint(PlatformTelemetry.MetricsPath).AllowAnonymous();
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

    /// <summary>
    /// NOT_SERVING for every service at once when the host starts stopping, without waiting for the next run of the checks.
    /// </summary>
    private static void DrainHealth(HealthServiceImpl health, IServiceProvider services)
    {
        foreach (var service in services.GetRequiredService<IOptions<GrpcHealthChecksOptions>>().Value.Services)
        {
            health.SetStatus(service.Name, HealthCheckResponse.Types.ServingStatus.NotServing);
        }
    }

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
