using Grpc.Core;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Membership.Features.Representatives;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Api;

/// <summary>Representatives: the appointments of persons by their organisations, and the groups service's check of them.</summary>
public sealed class RepresentativeApi(
    GetRepresentative getRepresentative,
    ListRepresentatives listRepresentatives,
    AppointRepresentative appointRepresentative,
    UpdateRepresentative updateRepresentative,
    WithdrawRepresentative withdrawRepresentative,
    ReplaceRepresentative replaceRepresentative,
    CheckRepresentative checkRepresentative) : RepresentativeService.RepresentativeServiceBase
{
    public override Task<Representative> GetRepresentative(GetRepresentativeRequest request, ServerCallContext context) =>
        context.RunAsync(getRepresentative, RepresentativeMapping.ToQuery(request), RepresentativeMapping.ToProto);

    public override Task<ListRepresentativesResponse> ListRepresentatives(ListRepresentativesRequest request, ServerCallContext context) =>
        context.RunAsync(listRepresentatives, RepresentativeMapping.ToQuery(request), RepresentativeMapping.ToProto);

    public override Task<Representative> AppointRepresentative(AppointRepresentativeRequest request, ServerCallContext context) =>
        context.RunAsync(appointRepresentative, RepresentativeMapping.ToCommand(request), RepresentativeMapping.ToProto);

    public override Task<Representative> UpdateRepresentative(UpdateRepresentativeRequest request, ServerCallContext context) =>
        context.RunAsync(updateRepresentative, RepresentativeMapping.ToCommand(request), RepresentativeMapping.ToProto);

    public override Task<Representative> WithdrawRepresentative(WithdrawRepresentativeRequest request, ServerCallContext context) =>
        context.RunAsync(withdrawRepresentative, RepresentativeMapping.ToCommand(request), RepresentativeMapping.ToProto);

    public override Task<ReplaceRepresentativeResponse> ReplaceRepresentative(ReplaceRepresentativeRequest request,
        ServerCallContext context) =>
        context.RunAsync(replaceRepresentative, RepresentativeMapping.ToCommand(request), RepresentativeMapping.ToProto);

    public override Task<CheckRepresentativeResponse> CheckRepresentative(CheckRepresentativeRequest request, ServerCallContext context) =>
        context.RunAsync(checkRepresentative, RepresentativeMapping.ToQuery(request), RepresentativeMapping.ToProto);
}
