using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkPlatform.Grpc.Hosting;

namespace NetworkPlatform.Grpc.Server;

/// <summary>What every call handler shares: options, the interceptors (created once) and the logger.</summary>
internal sealed partial class GrpcServerRuntime
{
    public GrpcServerRuntime(IOptions<GrpcServerOptions> options, IServiceProvider services, ILogger<GrpcServerRuntime> logger)
    {
        Options = options.Value;
        Logger = logger;
        Interceptors = Options.InterceptorTypes
            .Select(type => (ServerInterceptor)ActivatorUtilities.GetServiceOrCreateInstance(services, type))
            .ToArray();
    }

    public GrpcServerOptions Options { get; }

    public ServerInterceptor[] Interceptors { get; }

    public ILogger Logger { get; }

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC call {Method} failed with an unhandled exception; the caller got INTERNAL.")]
    public static partial void LogUnhandledException(ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interceptor {Interceptor} threw in OnCallCompleted for {Method}; the call's status is unchanged.")]
    public static partial void LogInterceptorFailure(ILogger logger, string interceptor, string method, Exception exception);
}
