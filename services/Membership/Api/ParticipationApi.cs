using Grpc.Core;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Membership.Features.Participation;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Api;

/// <summary>Requests to join or create a group, forwarded up the networks of networks and answered where the group is.</summary>
public sealed class ParticipationApi(
    GetParticipationRequest getRequest,
    ListParticipationRequests listRequests,
    RequestParticipation requestParticipation,
    ForwardParticipationRequest forwardRequest,
    AnswerParticipationRequest answerRequest) : ParticipationService.ParticipationServiceBase
{
    public override Task<ParticipationRequest> GetParticipationRequest(GetParticipationRequestRequest request, ServerCallContext context) =>
        context.RunAsync(getRequest, ParticipationMapping.ToQuery(request), ParticipationMapping.ToProto);

    public override Task<ListParticipationRequestsResponse> ListParticipationRequests(ListParticipationRequestsRequest request,
        ServerCallContext context) =>
        context.RunAsync(listRequests, ParticipationMapping.ToQuery(request), ParticipationMapping.ToProto);

    public override Task<ParticipationRequest> RequestParticipation(RequestParticipationRequest request, ServerCallContext context) =>
        context.RunAsync(requestParticipation, ParticipationMapping.ToCommand(request), ParticipationMapping.ToProto);

    public override Task<ParticipationRequest> ForwardParticipationRequest(ForwardParticipationRequestRequest request,
        ServerCallContext context) =>
        context.RunAsync(forwardRequest, ParticipationMapping.ToCommand(request), ParticipationMapping.ToProto);

    public override Task<ParticipationRequest> AnswerParticipationRequest(AnswerParticipationRequestRequest request,
        ServerCallContext context) =>
        context.RunAsync(answerRequest, ParticipationMapping.ToCommand(request), ParticipationMapping.ToProto);
}
