using NetworkPlatform.Grpc;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.Features.Networks;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Api;

public sealed class NetworkApi(MembershipContext membership) : NetworkService.NetworkServiceBase
{
    public override Task<Network> GetNetwork(GetNetworkRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => Features.Networks.GetNetwork.HandleAsync(membership, caller, request, ct), (n, _) => ProtoMapping.ToProto(n));

    public override Task<Network> CreateNetwork(CreateNetworkRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => Features.Networks.CreateNetwork.HandleAsync(membership, caller, request, ct), (n, _) => ProtoMapping.ToProto(n));

    public override Task<Network> UpdateNetwork(UpdateNetworkRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => Features.Networks.UpdateNetwork.HandleAsync(membership, caller, request, ct), (n, _) => ProtoMapping.ToProto(n));

    public override Task<ListNetworkRelationsResponse> ListNetworkRelations(ListNetworkRelationsRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => Features.Networks.ListNetworkRelations.HandleAsync(membership, caller, request, ct), (r, _) => r);
}
