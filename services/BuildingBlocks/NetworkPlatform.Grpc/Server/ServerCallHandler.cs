using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace NetworkPlatform.Grpc.Server;

/// <summary>Serves one method: created once per method when a service is mapped, then run for every call.</summary>
internal abstract class ServerCallHandler
{
    public abstract Task HandleAsync(HttpContext http);
}

internal sealed class ServerCallHandler<TRequest, TResponse> : ServerCallHandler
    where TRequest : class, Google.Protobuf.IMessage<TRequest>
    where TResponse : class, Google.Protobuf.IMessage<TResponse>
{
    private readonly Method<TRequest, TResponse> method;
    private readonly Delegate handler;
    private readonly GrpcServerRuntime runtime;

    public ServerCallHandler(ServerMethodDefinition<TRequest, TResponse> definition, GrpcServerRuntime runtime)
    {
        method = definition.Method;
        handler = definition.Handler;
        this.runtime = runtime;
    }

    public override async Task HandleAsync(HttpContext http)
    {
        var call = new HttpServerCallContext(http, method.FullName, runtime);
        var interceptors = runtime.Interceptors;
        var started = interceptors.Length > 0 ? Stopwatch.GetTimestamp() : 0;
        var code = StatusCode.OK;
        string? detail = null;
        Google.Rpc.Status? details = null;
        Metadata? trailers = null;
        Exception? failure = null;
        try
        {
            call.Initialize();
            await InvokeAsync(call, interceptors).ConfigureAwait(false);
            if (call.DeadlineExceeded)
            {
                (code, detail) = (StatusCode.DeadlineExceeded, "Deadline exceeded.");
            }
        }
        catch (RpcException e)
        {
            (code, detail, details, trailers, failure) = (e.StatusCode, e.Detail, e.Details, e.Trailers, e);
        }
        catch (Exception e) when (call.DeadlineExceeded)
        {
            (code, detail, failure) = (StatusCode.DeadlineExceeded, "Deadline exceeded.", e);
        }
        catch (Exception e) when (call.CancellationToken.IsCancellationRequested)
        {
            (code, detail, failure) = (StatusCode.Cancelled, "The client cancelled the call.", e);
        }
        catch (Exception e)
        {
            GrpcServerRuntime.LogUnhandledException(runtime.Logger, method.FullName, e);
            (code, detail, failure) = (StatusCode.Internal, "Exception was thrown by handler.", e);
        }

        if (call.TryEnd())
        {
            if (interceptors.Length > 0)
            {
                runtime.NotifyCompleted(call, new CallOutcome(code, detail, failure, Stopwatch.GetElapsedTime(started)));
            }
            call.WriteStatus(code, detail, details, trailers);
        }
        else
        {
            // The deadline answered the client while the handler kept running; the request stays open until now so the
            // handler never touches a recycled HttpContext.
            await call.DeadlineEndingAsync().ConfigureAwait(false);
            GrpcServerRuntime.LogHandlerOverranDeadline(runtime.Logger, method.FullName, Stopwatch.GetElapsedTime(call.EndedByDeadlineAt).TotalMilliseconds);
            if (interceptors.Length > 0)
            {
                runtime.NotifyCompleted(call, new CallOutcome(StatusCode.DeadlineExceeded, "Deadline exceeded.", failure, Stopwatch.GetElapsedTime(started, call.EndedByDeadlineAt)));
            }
        }
        call.Dispose();
    }

    // Pooled: when the request body is not there yet the call goes async, and this saves an allocation per call.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask InvokeAsync(HttpServerCallContext call, ServerInterceptor[] interceptors)
    {
        switch (method.Type)
        {
            case MethodType.Unary:
            {
                var request = await call.ReadSingleMessageAsync(method.RequestParser).ConfigureAwait(false);
                if (interceptors.Length > 0)
                {
                    await RunStartingAsync(call, interceptors, request).ConfigureAwait(false);
                }
                var response = await ((UnaryServerMethod<TRequest, TResponse>)handler)(request, call).ConfigureAwait(false);
                if (!call.DeadlineExceeded)
                {
                    call.WriteFinalMessage(response ?? throw new InvalidOperationException($"The handler of {method.FullName} returned no response message."));
                }
                break;
            }
            case MethodType.ServerStreaming:
            {
                var request = await call.ReadSingleMessageAsync(method.RequestParser).ConfigureAwait(false);
                if (interceptors.Length > 0)
                {
                    await RunStartingAsync(call, interceptors, request).ConfigureAwait(false);
                }
                await ((ServerStreamingServerMethod<TRequest, TResponse>)handler)(request, new ResponseStreamWriter<TResponse>(call), call).ConfigureAwait(false);
                break;
            }
            case MethodType.ClientStreaming:
            {
                AllowLongRequestStreams(call.HttpContext);
                if (interceptors.Length > 0)
                {
                    await RunStartingAsync(call, interceptors, null).ConfigureAwait(false);
                }
                var reader = new RequestStreamReader<TRequest>(call, method.RequestParser);
                var response = await ((ClientStreamingServerMethod<TRequest, TResponse>)handler)(reader, call).ConfigureAwait(false);
                if (!call.DeadlineExceeded)
                {
                    call.WriteFinalMessage(response ?? throw new InvalidOperationException($"The handler of {method.FullName} returned no response message."));
                }
                break;
            }
            case MethodType.DuplexStreaming:
            {
                AllowLongRequestStreams(call.HttpContext);
                if (interceptors.Length > 0)
                {
                    await RunStartingAsync(call, interceptors, null).ConfigureAwait(false);
                }
                var reader = new RequestStreamReader<TRequest>(call, method.RequestParser);
                await ((DuplexStreamingServerMethod<TRequest, TResponse>)handler)(reader, new ResponseStreamWriter<TResponse>(call), call).ConfigureAwait(false);
                break;
            }
            default:
                throw new InvalidOperationException($"Unknown method type {method.Type}.");
        }
    }

    private static async ValueTask RunStartingAsync(ServerCallContext call, ServerInterceptor[] interceptors, Google.Protobuf.IMessage? request)
    {
        foreach (var interceptor in interceptors)
        {
            await interceptor.OnCallStartingAsync(call, request).ConfigureAwait(false);
        }
    }

    /// <summary>Streams that carry many messages over a long time must not trip Kestrel's body size and minimum data rate limits.</summary>
    private static void AllowLongRequestStreams(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
    }
}
