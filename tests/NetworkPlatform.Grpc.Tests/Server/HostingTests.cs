using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Grpc.Tests.Echo;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Server;

public class HostingTests
{
    private static WebApplication Build(Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpcServer();
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task a_service_registered_in_di_is_the_instance_that_serves_calls()
    {
        var instance = new TestEchoService();
        await using var app = Build(s => s.AddSingleton(instance));
        app.MapGrpcService<TestEchoService>();

        var registry = app.Services.GetRequiredService<GrpcServiceRegistry>();
        Assert.True(registry.TryGetHandler("/networkplatform.testing.v1.EchoService/Echo", out _));
        Assert.True(registry.TryGetHandler("/networkplatform.testing.v1.EchoService/Chat", out _));
        Assert.Equal("networkplatform.testing.v1.EchoService", Assert.Single(registry.Services).ServiceName);
    }

    [Fact]
    public async Task a_class_not_derived_from_a_generated_base_is_refused_with_a_hint()
    {
        await using var app = Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<RecordingInterceptor>());
        Assert.Contains("MapGrpcService(sp => X.BindService(...))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task mapping_a_service_twice_is_refused()
    {
        await using var app = Build();
        app.MapGrpcService(_ => EchoService.BindService(new TestEchoService()));
        Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<TestEchoService>());
    }

    [Fact]
    public async Task mapping_without_add_grpc_server_says_what_to_call()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<TestEchoService>());
        Assert.Contains("AddGrpcServer", error.Message, StringComparison.Ordinal);
    }
}

public class KestrelEndpointTests
{
    [Fact]
    public async Task an_endpoint_listened_on_before_add_grpc_server_still_speaks_cleartext_http2()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddGrpcServer();
        await using var app = builder.Build();
        app.MapGrpcHealthService();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(timeout.Token);

        using var client = new HttpClient { DefaultRequestVersion = System.Net.HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var content = new ByteArrayContent([0, 0, 0, 0, 0]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        using var response = await client.PostAsync($"{app.Urls.Single()}/grpc.health.v1.Health/Check", content, timeout.Token);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);

        Assert.Equal(new byte[] { 0, 0, 0, 0, 2, 8, 1 }, body); // HealthCheckResponse { status: SERVING }
        Assert.Equal("0", Assert.Single(response.TrailingHeaders.GetValues("grpc-status")));
        await app.StopAsync(timeout.Token);
    }
}
