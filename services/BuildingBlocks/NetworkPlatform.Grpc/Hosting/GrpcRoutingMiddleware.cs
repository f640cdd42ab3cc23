using Microsoft.AspNetCore.Http;
using NetworkPlatform.Grpc.Server.Protocol;

namespace NetworkPlatform.Grpc.Hosting;

/// <summary>
/// Sends gRPC requests to their method's handler by a dictionary lookup on :path (no endpoint routing on the hot path).
/// Answers 415 for a non-gRPC content-type on a gRPC path and UNIMPLEMENTED for unknown services and methods.
/// </summary>
internal sealed class GrpcRoutingMiddleware(RequestDelegate next, GrpcServiceRegistry registry)
{
    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "";
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            return registry.IsServicePath(path) ? UnsupportedMediaTypeAsync(http) : next(http);
        }
        if (HttpMethods.IsPost(request.Method) && registry.TryGetHandler(path, out var handler))
        {
            return handler.HandleAsync(http);
        }
        return UnimplementedAsync(http, path);
    }

    private static Task UnsupportedMediaTypeAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync($"Unsupported content-type '{http.Request.ContentType}': gRPC requests use application/grpc.\n");
    }

    private Task UnimplementedAsync(HttpContext http, string path)
    {
        var message = registry.IsServicePath(path)
            ? $"Method {path} is not implemented by this server."
            : $"Service for {path} is not served here; list the services with server reflection.";
        http.Response.ContentType = GrpcProtocol.ContentType;
        http.Response.Headers[GrpcProtocol.StatusHeader] = GrpcProtocol.StatusCodeString(StatusCode.Unimplemented);
        http.Response.Headers[GrpcProtocol.MessageHeader] = HeaderEncoding.PercentEncode(message);
        return Task.CompletedTask;
    }
}
