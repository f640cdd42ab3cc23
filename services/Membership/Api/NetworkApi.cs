using Grpc.Core;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Features;
using UseCases = NetworkPlatform.Membership.Features.Networks;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Api;

public sealed class NetworkApi(MembershipContext membership) : NetworkService.NetworkServiceBase
{
    public override Task<Network> GetNetwork(GetNetworkRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.GetNetwork.HandleAsync(membership, caller, request, ct), (n, _) => ProtoMapping.ToProto(n));

    public override Task<Network> CreateNetwork(CreateNetworkRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.CreateNetwork.HandleAsync(membership, caller, request, ct), (n, _) => ProtoMapping.ToProto(n));

    public override Task<Network> UpdateNetwork(UpdateNetworkRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.UpdateNetwork.HandleAsync(membership, caller, request, ct), (n, _) => ProtoMapping.ToProto(n));

    public override Task<ListNetworkRelationsResponse> ListNetworkRelations(ListNetworkRelationsRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ListNetworkRelations.HandleAsync(membership, caller, request, ct), (r, _) => r);
}
