using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Grpc.Health;
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Grpc.Tests.Echo;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Grpc.Tests.Conformance;

/// <summary>Our server on a free loopback port, serving the echo service, health and reflection, with a recording interceptor.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private GrpcTestServer(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }

    public RecordingInterceptor Interceptor => app.Services.GetRequiredService<RecordingInterceptor>();

    public HealthStatusManager Health => app.Services.GetRequiredService<HealthStatusManager>();

    /// <param name="tlsCertificate">PEM certificate and key files: serve https through Kestrel's standard certificate configuration.</param>
    public static async Task<GrpcTestServer> StartAsync(Action<GrpcServerOptions>? configure = null, (string CertificatePath, string KeyPath)? tlsCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (tlsCertificate is { } tls)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.Configuration["Kestrel:Certificates:Default:Path"] = tls.CertificatePath;
            builder.Configuration["Kestrel:Certificates:Default:KeyPath"] = tls.KeyPath;
        }
        builder.WebHost.UseUrls($"{(tlsCertificate is null ? "http" : "https")}://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<RecordingInterceptor>();
        builder.Services.AddGrpcServer(options =>
        {
            options.AddInterceptor<RecordingInterceptor>();
            configure?.Invoke(options);
        });
        var app = builder.Build();
        app.MapGrpcService<TestEchoService>();
        app.MapGrpcService<ReflectionProbeService>();
        app.MapGrpcHealthService();
        app.MapGrpcReflectionService();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(timeout.Token);
        return new GrpcTestServer(app, new Uri(app.Urls.Single()).Port);
    }

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
