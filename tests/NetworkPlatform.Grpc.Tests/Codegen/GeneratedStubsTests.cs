using Grpc.Health.V1;

namespace NetworkPlatform.Grpc.Tests.Codegen;

using Health = global::Grpc.Health.V1.Health;

/// <summary>The stubs generated at build time for grpc.health.v1 describe the methods as the proto does.</summary>
public class GeneratedStubsTests
{
    [Fact]
    public void method_descriptors_carry_path_kind_and_parsers()
    {
        Assert.Equal("/grpc.health.v1.Health/Check", Health.Methods.Check.FullName);
        Assert.Equal(MethodType.Unary, Health.Methods.Check.Type);
        Assert.Equal(MethodType.ServerStreaming, Health.Methods.Watch.Type);
        Assert.Same(HealthCheckRequest.Parser, Health.Methods.Check.RequestParser);
    }

    [Fact]
    public void bind_service_maps_every_method_of_the_descriptor()
    {
        var definition = Health.BindService(new UnimplementedHealth());
        Assert.Equal("grpc.health.v1.Health", definition.ServiceName);
        Assert.Equal(Health.Descriptor.Methods.Select(m => "/grpc.health.v1.Health/" + m.Name), definition.Methods.Select(m => m.FullName));
    }

    [Fact]
    public async Task methods_not_overridden_answer_unimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new UnimplementedHealth().Check(new HealthCheckRequest(), null!));
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private sealed class UnimplementedHealth : Health.HealthBase;
}
