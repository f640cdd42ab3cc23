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
