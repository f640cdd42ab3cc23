using Grpc.Core;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Membership.Features.Networks;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Api;

/// <summary>Networks (tenants) and how they are members of each other.</summary>
public sealed class NetworkApi(GetNetwork getNetwork, CreateNetwork createNetwork, UpdateNetwork updateNetwork,
    ListNetworkRelations listRelations)
    : NetworkService.NetworkServiceBase
{
    public override Task<Network> GetNetwork(GetNetworkRequest request, ServerCallContext context) =>
        context.RunAsync(getNetwork, NetworkMapping.ToQuery(request), NetworkMapping.ToProto);

    public override Task<Network> CreateNetwork(CreateNetworkRequest request, ServerCallContext context) =>
        context.RunAsync(createNetwork, NetworkMapping.ToCommand(request), NetworkMapping.ToProto);

    public override Task<Network> UpdateNetwork(UpdateNetworkRequest request, ServerCallContext context) =>
        context.RunAsync(updateNetwork, NetworkMapping.ToCommand(request), NetworkMapping.ToProto);

    public override Task<ListNetworkRelationsResponse> ListNetworkRelations(ListNetworkRelationsRequest request,
        ServerCallContext context) =>
        context.RunAsync(listRelations, NetworkMapping.ToQuery(request), NetworkMapping.ToProto);
}
