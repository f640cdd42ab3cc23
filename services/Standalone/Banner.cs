using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NetworkPlatform.Standalone;

/// <summary>What `make run` prints once listening: the address, what is served, and calls to copy.</summary>
internal static class Banner
{
    public static void Print(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
        var target = new Uri(address).Authority;
        var plaintext = address.StartsWith("http://", StringComparison.Ordinal) ? "-plaintext " : "";
        var dataDirectory = app.Configuration["data-dir"] ?? "(none)";
        Console.WriteLine($"""

            Network Platform standalone: gRPC on {address} (HTTP/2), data directory {dataDirectory}
              serving: grpc.health.v1.Health, grpc.reflection.v1 and v1alpha ServerReflection

            Try it:
              grpcurl {plaintext}{target} list
              grpcurl {plaintext}{target} grpc.health.v1.Health/Check
              /usr/bin/python3 -c "import grpc; print(grpc.insecure_channel('{target}').unary_unary('/grpc.health.v1.Health/Check')(b'', timeout=5))"
                (b'\x08\x01' is status SERVING)
            Stop with Ctrl+C.

            """);
    }
}
