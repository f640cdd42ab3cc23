using Grpc.Core;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.V1;
using UseCases = NetworkPlatform.Membership.Features.Participation;

namespace NetworkPlatform.Membership.Api;

public sealed class ParticipationApi(MembershipContext membership) : ParticipationService.ParticipationServiceBase
{
    public override Task<ParticipationRequest> GetParticipationRequest(GetParticipationRequestRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.GetParticipationRequest.HandleAsync(membership, caller, request, ct), (r, _) => ProtoMapping.ToProto(r));

    public override Task<ListParticipationRequestsResponse> ListParticipationRequests(ListParticipationRequestsRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ListParticipationRequests.HandleAsync(membership, caller, request, ct), (page, _) =>
        {
            var response = new ListParticipationRequestsResponse { NextPageToken = page.NextPageToken ?? "" };
            response.ParticipationRequests.AddRange(page.Items.Select(ProtoMapping.ToProto));
            return response;
        });

    public override Task<ParticipationRequest> RequestParticipation(RequestParticipationRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.RequestParticipation.HandleAsync(membership, caller, request, ct), (r, _) => ProtoMapping.ToProto(r));

    public override Task<ParticipationRequest> ForwardParticipationRequest(ForwardParticipationRequestRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ForwardParticipationRequest.HandleAsync(membership, caller, request, ct), (r, _) => ProtoMapping.ToProto(r));

    public override Task<ParticipationRequest> AnswerParticipationRequest(AnswerParticipationRequestRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.AnswerParticipationRequest.HandleAsync(membership, caller, request, ct), (r, _) => ProtoMapping.ToProto(r));
}
