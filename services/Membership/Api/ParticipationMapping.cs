using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.Participation;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;
using static NetworkPlatform.Membership.Api.MembershipMapping;

namespace NetworkPlatform.Membership.Api;

/// <summary>networkplatform.membership.v1 participation requests &lt;-&gt; the participation use cases' records.</summary>
internal static class ParticipationMapping
{
    public static GetParticipationRequestQuery ToQuery(V1.GetParticipationRequestRequest request) =>
        new(request.NetworkId, request.ParticipationRequestId);

    public static ListParticipationRequestsQuery ToQuery(V1.ListParticipationRequestsRequest request) =>
        new(request.NetworkId, request.PageSize, request.PageToken);

    public static RequestParticipationCommand ToCommand(V1.RequestParticipationRequest request)
    {
        var r = request.ParticipationRequest ?? new V1.ParticipationRequest();
        return new(request.NetworkId, request.RequestId, r.OrganisationId, r.PersonId,
            ChoiceOf<V1.ParticipationKind, ParticipationKind>(r.Kind, ToDomain),
            r.GroupId, r.ProposedGroupName, r.GroupNetworkId, r.Motivation);
    }

    public static ForwardParticipationRequestCommand ToCommand(V1.ForwardParticipationRequestRequest request) =>
        new(request.NetworkId, request.ParticipationRequestId, request.ToNetworkId, request.Etag, request.Note);

    public static AnswerParticipationRequestCommand ToCommand(V1.AnswerParticipationRequestRequest request) =>
        new(request.NetworkId, request.ParticipationRequestId,
            ChoiceOf<V1.ParticipationAnswer, ParticipationAnswer>(request.Answer, AnswerOf),
            request.Etag, request.Note);

    public static V1.ParticipationRequest ToProto(Versioned<ParticipationRequest> stored)
    {
        var r = stored.Document;
        var proto = new V1.ParticipationRequest
        {
            Id = r.Id,
            OriginNetworkId = r.OriginNetworkId,
            OrganisationId = r.OrganisationId,
            PersonId = r.PersonId,
            Kind = MembershipMapping.ToProto(r.Kind),
            GroupId = r.GroupId,
            ProposedGroupName = r.ProposedGroupName,
            GroupNetworkId = r.GroupNetworkId,
            Motivation = r.Motivation,
            State = MembershipMapping.ToProto(r.State),
            HandlingNetworkId = r.HandlingNetworkId,
            AnsweredBy = r.AnsweredBy,
            AnswerNote = r.AnswerNote,
            CreateTime = MembershipMapping.ToProto(r.CreatedAt),
            Etag = stored.ETag,
        };
        if (r.AnsweredAt is { } answered)
        {
            proto.AnswerTime = MembershipMapping.ToProto(answered);
        }
        proto.ForwardingChain.AddRange(r.ForwardingChain.Select(s => new V1.ForwardingStep
        {
            FromNetworkId = s.FromNetworkId,
            ToNetworkId = s.ToNetworkId,
            ForwardedBy = s.ForwardedBy,
            ForwardTime = MembershipMapping.ToProto(s.At),
            Note = s.Note,
        }));
        return proto;
    }

    public static V1.ListParticipationRequestsResponse ToProto(Page<ParticipationRequest> page)
    {
        var response = new V1.ListParticipationRequestsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.ParticipationRequests.AddRange(page.Items.Select(ToProto));
        return response;
    }

    private static ParticipationAnswer? AnswerOf(V1.ParticipationAnswer answer) => answer switch
    {
        V1.ParticipationAnswer.Approved => ParticipationAnswer.Approve,
        V1.ParticipationAnswer.Declined => ParticipationAnswer.Decline,
        _ => null,
    };
}
