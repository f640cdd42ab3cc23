using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using NetworkPlatform.Grpc.Server;
using NetworkPlatform.Grpc.Server.Protocol;

namespace NetworkPlatform.Grpc.Hosting;

/// <summary>
/// Sends gRPC requests to their method's handler by a dictionary lookup on :path (no endpoint routing on the hot path).
/// Answers 415 for a non-gRPC content-type on a gRPC path and UNIMPLEMENTED for unknown services and methods; interceptors
/// see those refusals too (OnCallCompleted with <see cref="CallOutcome.Refused"/>), so metrics and logs count every call.
/// </summary>
internal sealed class GrpcRoutingMiddleware(RequestDelegate next, GrpcServiceRegistry registry, GrpcServerRuntime runtime)
{
    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "";
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            return registry.IsServicePath(path) ? UnsupportedMediaTypeAsync(http, path) : next(http);
        }
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            // Status trailers need HTTP/2; HTTP/1.1 gRPC clients do not exist in practice, but a misrouted one gets a clear answer.
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            ReportRefused(http, path, StatusCode.Unknown, "gRPC needs HTTP/2; the request came over " + request.Protocol + ".", StatusCodes.Status426UpgradeRequired);
            return Task.CompletedTask;
        }
        if (HttpMethods.IsPost(request.Method) && registry.TryGetHandler(path, out var handler))
        {
            return handler.HandleAsync(http);
        }
        return UnimplementedAsync(http, path);
    }

    private Task UnsupportedMediaTypeAsync(HttpContext http, string path)
    {
        var message = $"Unsupported content-type '{http.Request.ContentType}': gRPC requests use application/grpc.";
        http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        http.Response.ContentType = "text/plain";
        // What a gRPC client makes of an HTTP 415 (grpc/grpc doc/http-grpc-status-mapping.md).
        ReportRefused(http, path, StatusCode.Unknown, message, StatusCodes.Status415UnsupportedMediaType);
        return http.Response.WriteAsync(message + "\n");
    }

    private Task UnimplementedAsync(HttpContext http, string path)
    {
        var message = registry.IsServicePath(path)
            ? $"Method {path} is not implemented by this server."
            : $"Service for {path} is not served here; list the services with server reflection.";
        http.Response.ContentType = GrpcProtocol.ContentType;
        http.Response.Headers.GrpcStatus = GrpcProtocol.StatusCodeString(StatusCode.Unimplemented);
        http.Response.Headers.GrpcMessage = HeaderEncoding.PercentEncode(message);
        ReportRefused(http, path, StatusCode.Unimplemented, message, StatusCodes.Status200OK);
        return Task.CompletedTask;
    }

    /// <summary>Interceptors learn of the refusal. It is decided from the headers alone, so its duration is only that of reporting it.</summary>
    private void ReportRefused(HttpContext http, string path, StatusCode code, string detail, int httpStatus)
    {
        if (runtime.Interceptors.Length == 0)
        {
            return;
        }
        var started = Stopwatch.GetTimestamp();
        using var call = new HttpServerCallContext(http, path, runtime);
        runtime.NotifyCompleted(call, new CallOutcome(code, detail, null, Stopwatch.GetElapsedTime(started)) { Refused = true, HttpStatusCode = httpStatus });
    }
}
