using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace NetworkPlatform.Hosting.Telemetry;

/// <summary>
/// rpc.client.call.duration (seconds; rpc.system, rpc.service, rpc.method, rpc.grpc.status_code) for every unary call a
/// service makes to a peer, after the OpenTelemetry RPC semantic conventions: the client's side of
/// rpc.server.call.duration, so a slow or failing peer shows in the caller's figures too.
/// </summary>
internal sealed class RpcClientTelemetry : Interceptor
{
    private static readonly Histogram<double> Duration = PlatformTelemetry.Meter.CreateHistogram<double>(
        "rpc.client.call.duration", unit: "s", description: "Duration of gRPC calls made to peer services",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RpcTelemetry.BucketBoundaries });

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(RecordAsync(call.ResponseAsync, context.Method, started), call.ResponseHeadersAsync,
            call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private static async Task<TResponse> RecordAsync<TResponse>(Task<TResponse> response, IMethod method, long started)
    {
        var code = StatusCode.OK;
        try
        {
            return await response.ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            throw;
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, RpcTelemetry.Tags(method.ServiceName, method.Name, code));
        }
    }
}
