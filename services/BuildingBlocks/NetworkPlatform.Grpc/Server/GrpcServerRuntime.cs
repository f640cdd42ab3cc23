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

    /// <summary>Tells every interceptor how a call ended; one that throws is logged and does not change the call.</summary>
    public void NotifyCompleted(ServerCallContext call, CallOutcome outcome)
    {
        foreach (var interceptor in Interceptors)
        {
            try
            {
                interceptor.OnCallCompleted(call, outcome);
            }
            catch (Exception e)
            {
                LogInterceptorFailure(Logger, interceptor.GetType().Name, call.Method, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC call {Method} failed with an unhandled exception; the caller got INTERNAL.")]
    public static partial void LogUnhandledException(ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "gRPC call {Method} kept running {OverrunMilliseconds:F0} ms after its deadline, where DEADLINE_EXCEEDED was sent; its handler should stop when context.CancellationToken is cancelled.")]
    public static partial void LogHandlerOverranDeadline(ILogger logger, string method, double overrunMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "gRPC call {Method}: DEADLINE_EXCEEDED could not be sent at the deadline (the client probably reset the stream first).")]
    public static partial void LogDeadlineStatusNotSent(ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interceptor {Interceptor} threw in OnCallCompleted for {Method}; the call's status is unchanged.")]
    public static partial void LogInterceptorFailure(ILogger logger, string interceptor, string method, Exception exception);
}
