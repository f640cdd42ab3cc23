using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace NetworkPlatform.Benchmarks.Grpc;

/// <summary>Kestrel h2c on a loopback port with nothing but one middleware: the base of the reference servers.</summary>
internal static class KestrelEndpoint
{
    public static async Task<WebApplication> StartAsync(int port, RequestDelegate respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        app.Run(respond);
        await app.StartAsync();
        return app;
    }
}
