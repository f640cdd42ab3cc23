using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NetworkPlatform.Hosting;

/// <summary>
/// The ports AddServiceDefaults listens on: h2c gRPC, and HTTP/1.1 for JSON, gRPC-Web and pages. Once the host has started
/// they hold the bound ports (also when configured as 0). Null when not listened on by AddServiceDefaults (URLs configured).
/// </summary>
public sealed class ServiceEndpoints
{
    internal ListenOptions? Grpc { get; set; }

    internal ListenOptions? Http { get; set; }

    public Uri? GrpcAddress => Address(Grpc);

    public Uri? HttpAddress => Address(Http);

    private static Uri? Address(ListenOptions? listen) => listen?.IPEndPoint is { } endpoint
        ? new Uri($"http://{(endpoint.Address.Equals(System.Net.IPAddress.IPv6Any) ? "localhost" : endpoint.Address.ToString())}"
            + $":{endpoint.Port}")
        : null;
}
