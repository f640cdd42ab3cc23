using Google.Protobuf.Reflection;
using FileOptions = Google.Protobuf.Reflection.FileOptions;
using NetworkPlatform.Grpc.Codegen;

namespace NetworkPlatform.Grpc.Tests.Codegen;

public class CSharpNamesTests
{
    [Theory]
    [InlineData("networkplatform.membership.v1", "Networkplatform.Membership.V1")]
    [InlineData("grpc.reflection.v1alpha", "Grpc.Reflection.V1Alpha")]
    [InlineData("my_pkg.sub_area", "MyPkg.SubArea")]
    public void namespace_without_option_follows_protoc_csharp_rules(string package, string expected)
    {
        var file = new FileDescriptorProto { Name = "x.proto", Package = package };
        Assert.Equal(expected, CSharpNames.Namespace(file));
    }

    [Fact]
    public void csharp_namespace_option_wins_over_package()
    {
        var file = new FileDescriptorProto { Name = "x.proto", Package = "grpc.health.v1", Options = new FileOptions { CsharpNamespace = "Grpc.Health.V1" } };
        Assert.Equal("Grpc.Health.V1", CSharpNames.Namespace(file));
    }

    [Theory]
    [InlineData("grpc/health/v1/health.proto", "HealthReflection")]
    [InlineData("google/rpc/error_details.proto", "ErrorDetailsReflection")]
    [InlineData("a/b/annual_wheel2x.proto", "AnnualWheel2XReflection")]
    public void reflection_class_comes_from_the_file_base_name(string fileName, string expected)
    {
        Assert.Equal(expected, CSharpNames.ReflectionClass(new FileDescriptorProto { Name = fileName }));
    }

    [Fact]
    public void nested_messages_are_reached_through_Types()
    {
        var outer = new DescriptorProto { Name = "Outer", NestedType = { new DescriptorProto { Name = "Inner" } } };
        var file = new FileDescriptorProto { Name = "x.proto", Package = "p.v1", Options = new FileOptions { CsharpNamespace = "P.V1" }, MessageType = { outer } };
        var names = new CSharpNames([file]);
        Assert.Equal("global::P.V1.Outer", names.TypeName(".p.v1.Outer"));
        Assert.Equal("global::P.V1.Outer.Types.Inner", names.TypeName(".p.v1.Outer.Inner"));
    }
}
