using Grpc.Core;
using Grpc.Net.Client.Configuration;
using NetworkPlatform.Hosting.Peers;
using NetworkPlatform.Testing.V1;

namespace NetworkPlatform.Groups.Tests.Api;

/// <summary>The service config of the groups service's membership clients (and of any peer client).</summary>
public class PeerClientsTests
{
    [Fact]
    public void only_reads_are_retried_and_only_on_unavailable_and_calls_go_round_robin()
    {
        var config = PeerClients.ServiceConfig(Membership.V1.RepresentativeService.Descriptor);

        var retried = Assert.Single(config.MethodConfigs);
        Assert.Equal(["CheckRepresentative", "GetRepresentative", "ListRepresentatives"],
            retried.Names.Select(n => n.Method).Order(StringComparer.Ordinal));
        Assert.All(retried.Names, n => Assert.Equal("networkplatform.membership.v1.RepresentativeService", n.Service));
        Assert.Equal([StatusCode.Unavailable], retried.RetryPolicy!.RetryableStatusCodes);
        Assert.IsType<RoundRobinConfig>(Assert.Single(config.LoadBalancingConfigs));
    }

    [Fact]
    public void a_service_without_reads_has_no_retry_policy()
    {
        Assert.Empty(PeerClients.ServiceConfig(EchoService.Descriptor).MethodConfigs);
    }
}
