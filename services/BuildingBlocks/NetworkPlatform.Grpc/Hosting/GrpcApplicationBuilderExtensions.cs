using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Grpc.Health;
using NetworkPlatform.Grpc.Reflection;

namespace NetworkPlatform.Grpc.Hosting;

public static class GrpcApplicationBuilderExtensions
{
    /// <summary>
    /// Serves <typeparamref name="TService"/>, a class deriving from a generated *Base class (e.g. MembershipService.MembershipServiceBase).
    /// One instance serves every call: it is taken from DI when registered there (any lifetime resolvable from the root),
    /// otherwise created with its constructor dependencies. Per-call dependencies come from context.HttpContext.RequestServices.
    /// </summary>
    public static IApplicationBuilder MapGrpcService<TService>(this IApplicationBuilder app) where TService : class
    {
        var bindService = FindBindService(typeof(TService));
        var service = ActivatorUtilities.GetServiceOrCreateInstance<TService>(app.ApplicationServices);
        return app.MapGrpcService(_ => (ServerServiceDefinition)bindService.Invoke(null, [service])!);
    }

    /// <summary>Serves a service bound explicitly, e.g. <c>app.MapGrpcService(sp =&gt; EchoService.BindService(new MyEcho()))</c>.</summary>
    public static IApplicationBuilder MapGrpcService(this IApplicationBuilder app, Func<IServiceProvider, ServerServiceDefinition> bind)
    {
        var registry = app.ApplicationServices.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call builder.Services.AddGrpcServer() before mapping gRPC services.");
        registry.Add(bind(app.ApplicationServices));
        return app;
    }

    /// <summary>Serves grpc.health.v1.Health; set statuses through <see cref="HealthStatusManager"/> from DI.</summary>
    public static IApplicationBuilder MapGrpcHealthService(this IApplicationBuilder app) =>
        app.MapGrpcService(sp => global::Grpc.Health.V1.Health.BindService(sp.GetRequiredService<HealthService>()));

    /// <summary>Serves server reflection, grpc.reflection.v1 and v1alpha, describing every mapped service.</summary>
    public static IApplicationBuilder MapGrpcReflectionService(this IApplicationBuilder app) =>
        app.MapGrpcService(sp => global::Grpc.Reflection.V1.ServerReflection.BindService(sp.GetRequiredService<ReflectionServiceV1>()))
           .MapGrpcService(sp => global::Grpc.Reflection.V1Alpha.ServerReflection.BindService(sp.GetRequiredService<ReflectionServiceV1Alpha>()));

    /// <summary>The generated static BindService(XBase) of the outer class whose nested XBase the service derives from.</summary>
    private static MethodInfo FindBindService(Type serviceType)
    {
        for (var type = serviceType.BaseType; type is not null; type = type.BaseType)
        {
            var outer = type.DeclaringType;
            var bind = outer?.GetMethod("BindService", BindingFlags.Public | BindingFlags.Static, [type]);
            if (bind is not null && bind.ReturnType == typeof(ServerServiceDefinition))
            {
                return bind;
            }
        }
        throw new InvalidOperationException(
            $"{serviceType.FullName} does not derive from a generated service base class (like MembershipService.MembershipServiceBase); " +
            "derive from one, or map it with MapGrpcService(sp => X.BindService(...)).");
    }
}
