using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NetworkPlatform.Grpc.Health;
using NetworkPlatform.Grpc.Reflection;
using NetworkPlatform.Grpc.Server;

namespace NetworkPlatform.Grpc.Hosting;

public static class GrpcServerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gRPC server: Kestrel endpoints speak HTTP/2 only (h2c on http:// URLs, ALPN h2 on https:// URLs with a
    /// certificate from Kestrel's configuration, e.g. Kestrel__Certificates__Default__Path/KeyPath), and requests with a
    /// gRPC content-type go to the services mapped with MapGrpcService.
    /// </summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton<GrpcServerRuntime>();
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton<HealthStatusManager>();
        services.TryAddSingleton<HealthService>();
        services.TryAddSingleton<ReflectionServiceV1>();
        services.TryAddSingleton<ReflectionServiceV1Alpha>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, GrpcStartupFilter>());
        // Kestrel applies endpoint defaults when Listen() creates an endpoint, so these must run before any other Kestrel
        // configuration (a host may call ConfigureKestrel(k => k.ListenAnyIP(port)) before AddGrpcServer): they go first.
        services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>>(new ConfigureOptions<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
        })));
        return services;
    }

    /// <summary>Puts gRPC routing first in the pipeline, so gRPC calls skip every other middleware.</summary>
    private sealed class GrpcStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var registry = app.ApplicationServices.GetRequiredService<GrpcServiceRegistry>();
            var runtime = app.ApplicationServices.GetRequiredService<GrpcServerRuntime>();
            app.Use(nextMiddleware => new GrpcRoutingMiddleware(nextMiddleware, registry, runtime).InvokeAsync);
            next(app);
        };
    }
}
