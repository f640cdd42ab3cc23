using System.Reflection;
using NetArchTest.Rules;

namespace NetworkPlatform.Architecture.Tests;

/// <summary>
/// Inside a service the arrows point one way: Api -> Features -> Domain, Storage below Features; no proto or gRPC type
/// below the Api, no storage or hosting type in the Domain, no gRPC error from the storage. Each rule names the types that
/// break it.
/// </summary>
public class LayerTests
{
    /// <summary>The services on the one way through (services/README.md); a service joins this list once it follows it.</summary>
    public static TheoryData<string> Services => ["Membership", "Groups", "Meetings", "Reporting"];

    private static readonly string[] Transport = ["Grpc.Core", "Grpc.AspNetCore", "Google.Protobuf", "Google.Rpc", "Microsoft.AspNetCore"];

    [Theory]
    [MemberData(nameof(Services))]
    public void the_domain_uses_no_transport_storage_or_hosting_type(string service) =>
        AssertNone(Types.InAssembly(Assembly(service)).That().ResideInNamespace($"NetworkPlatform.{service}.Domain").Should()
            .NotHaveDependencyOnAny([.. Transport, $"NetworkPlatform.{service}.V1", "NetworkPlatform.Storage", "NetworkPlatform.Hosting",
                "NetworkPlatform.Messaging", "NetworkPlatform.Application.Changes", $"NetworkPlatform.{service}.Storage",
                    $"NetworkPlatform.{service}.Features",
                $"NetworkPlatform.{service}.Api"])
            .GetResult());

    [Theory]
    [MemberData(nameof(Services))]
    public void use_cases_take_and_return_plain_records_not_api_or_proto_types(string service) =>
        AssertNone(Types.InAssembly(Assembly(service)).That().ResideInNamespace($"NetworkPlatform.{service}.Features").Should()
            .NotHaveDependencyOnAny([.. Transport, $"NetworkPlatform.{service}.V1", $"NetworkPlatform.{service}.Api",
                "NetworkPlatform.Hosting"])
            .GetResult());

    [Theory]
    [MemberData(nameof(Services))]
    public void storage_throws_no_grpc_errors(string service) =>
        AssertNone(Types.InAssembly(Assembly(service)).That().ResideInNamespace($"NetworkPlatform.{service}.Storage").Should()
            .NotHaveDependencyOnAny([.. Transport, $"NetworkPlatform.{service}.V1", "NetworkPlatform.Hosting"])
            .GetResult());

    [Fact]
    public void the_storage_building_block_throws_no_grpc_errors() =>
        AssertNone(Types.InAssembly(typeof(Storage.IDocumentStore).Assembly).Should().NotHaveDependencyOnAny(Transport[..4]).GetResult());

    [Fact]
    public void the_application_building_block_knows_no_transport() =>
        AssertNone(Types.InAssembly(typeof(Application.Caller).Assembly).Should().NotHaveDependencyOnAny(Transport).GetResult());

    internal static Assembly Assembly(string service) => System.Reflection.Assembly.Load($"NetworkPlatform.{service}");

    private static void AssertNone(TestResult result) =>
        Assert.True(result.IsSuccessful, "These types break the rule: " + string.Join(", ", result.FailingTypeNames ?? []));
}
