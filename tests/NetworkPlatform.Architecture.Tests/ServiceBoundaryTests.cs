namespace NetworkPlatform.Architecture.Tests;

/// <summary>Each service is its own deployable: it may use the building blocks and the protos, never another service.</summary>
public class ServiceBoundaryTests
{
    private static readonly string[] AllServices = ["Membership", "Groups", "Meetings", "Reporting"];

    public static TheoryData<string> Services => [.. AllServices];

    [Theory]
    [MemberData(nameof(Services))]
    public void a_service_references_no_other_service(string service)
    {
        var references = LayerTests.Assembly(service).GetReferencedAssemblies().Select(a => a.Name).ToList();

        foreach (var other in AllServices.Where(other => other != service))
        {
            Assert.DoesNotContain($"NetworkPlatform.{other}", references);
        }
    }
}
