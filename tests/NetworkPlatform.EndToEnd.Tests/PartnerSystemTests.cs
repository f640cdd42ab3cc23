using Google.Rpc;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 19: a member organisation's system holds client credentials at the issuer, registered for its organisation. With
/// its token (client credentials over HTTP) it registers its own employees on the membership service, and is refused for
/// another member organisation's.
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class PartnerSystemTests(DistributedPlatform platform)
{
    [Fact(Timeout = 120_000)]
    public async Task a_partner_system_client_acts_for_its_own_organisation_only()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var fjordvik = await network.MemberOrganisationAsync("Fjordvik kommune");
        var nordvik = await network.MemberOrganisationAsync("Nordvik kommune");
        var caseSystem = await platform.CallerAsync(network.Id, Roles.PartnerSystem, fjordvik.Id);

        var employee = await network.Persons.CreatePersonAsync(new CreatePersonRequest
        {
            NetworkId = network.Id,
            Person = new Person { FullName = "Kari Nordmann", Email = "kari@fjordvik.example", EmployerOrganisationId = fjordvik.Id },
        }, caseSystem, TestNetwork.Soon);
        var refused = await Assert.ThrowsAsync<RpcException>(() => network.Persons.CreatePersonAsync(new CreatePersonRequest
        {
            NetworkId = network.Id,
            Person = new Person { FullName = "Ola Nordmann", Email = "ola@nordvik.example", EmployerOrganisationId = nordvik.Id },
        }, caseSystem, TestNetwork.Soon).ResponseAsync);

        Assert.Equal(fjordvik.Id, employee.EmployerOrganisationId);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal("OTHER_ORGANISATION", refused.GetDetail<ErrorInfo>()?.Reason);
    }
}
