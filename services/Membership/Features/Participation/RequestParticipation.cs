using NetworkPlatform.Events.Membership;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Participation;

/// <summary>
/// An active representative of an active member asks to join a group or to create one, in its own network or in a
/// network above it (then the secretariat forwards it up). The secretariat may file it on the representative's behalf.
/// </summary>
public static class RequestParticipation
{
    public static async Task<Versioned<ParticipationRequest>> HandleAsync(MembershipContext context, Caller caller, V1.RequestParticipationRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).RequestId("request_id", request.RequestId)
            .Message("participation_request", request.ParticipationRequest);
        var proto = request.ParticipationRequest ?? new V1.ParticipationRequest();
        validation.Id("participation_request.organisation_id", proto.OrganisationId).Id("participation_request.person_id", proto.PersonId)
            .MaxLength("participation_request.motivation", proto.Motivation, 4000);
        var kind = validation.Enum("participation_request.kind", proto.Kind, ProtoMapping.ToDomain);
        if (kind == ParticipationKind.JoinGroup)
        {
            validation.Id("participation_request.group_id", proto.GroupId);
        }
        if (kind == ParticipationKind.CreateGroup)
        {
            validation.Required("participation_request.proposed_group_name", proto.ProposedGroupName);
        }
        var groupNetworkId = proto.GroupNetworkId.Length == 0 ? request.NetworkId : proto.GroupNetworkId;
        validation.NetworkId("participation_request.group_network_id", groupNetworkId);
        validation.ThrowIfInvalid();
        Authorisation.EnsureSecretariatOrOrganisation(caller, request.NetworkId, proto.OrganisationId);
        if (!caller.HasRole(Roles.Secretariat) && caller.PersonId is not null && caller.PersonId != proto.PersonId)
        {
            throw RpcErrors.PermissionDenied("OTHER_PERSON", "A representative asks for themselves; send your own person_id, or ask the secretariat to file it.");
        }
        await EnsureActiveRepresentativeAsync(context, caller, request.NetworkId, proto, cancellationToken);
        if (groupNetworkId != request.NetworkId && !(await ParticipationRequests.AncestorsAsync(context.Store, request.NetworkId, cancellationToken)).Contains(groupNetworkId))
        {
            throw RpcErrors.FailedPrecondition("GROUP_NETWORK_NOT_A_PARENT", $"networks/{groupNetworkId}",
                $"'{groupNetworkId}' is neither '{request.NetworkId}' nor a network it is a member of; see ListNetworkRelations.");
        }

        var now = context.Now;
        var participation = new ParticipationRequest
        {
            Id = Identifiers.New(Identifiers.ParticipationRequest, request.NetworkId, request.RequestId),
            OriginNetworkId = request.NetworkId,
            OrganisationId = proto.OrganisationId,
            PersonId = proto.PersonId,
            Kind = kind!.Value,
            GroupId = kind == ParticipationKind.JoinGroup ? proto.GroupId : "",
            ProposedGroupName = kind == ParticipationKind.CreateGroup ? proto.ProposedGroupName.Trim() : "",
            GroupNetworkId = groupNetworkId,
            Motivation = proto.Motivation.Trim(),
            HandlingNetworkId = request.NetworkId,
            CreatedAt = now,
        };
        return await context.Store.CreateOnceAsync(MembershipCollections.ParticipationRequests, request.NetworkId, participation.Id, async () =>
        {
            await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
            var version = await unitOfWork.InsertAsync(MembershipCollections.ParticipationRequests, request.NetworkId, participation, cancellationToken);
            await unitOfWork.InsertAsync(MembershipCollections.ParticipationRequestLinks, request.NetworkId, new ParticipationRequestLink(participation.Id, request.NetworkId, now), cancellationToken);
            await unitOfWork.PublishAsync(new ParticipationRequested(Guid.NewGuid(), now, request.NetworkId, participation.Id, version,
                participation.Id, participation.OrganisationId, participation.PersonId, ProtoMapping.EventName(participation.Kind), participation.GroupId,
                participation.ProposedGroupName, participation.GroupNetworkId), cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            return new Versioned<ParticipationRequest>(participation, version);
        }, cancellationToken);
    }

    private static async Task EnsureActiveRepresentativeAsync(MembershipContext context, Caller caller, string networkId, V1.ParticipationRequest proto, CancellationToken cancellationToken)
    {
        var check = await Representatives.CheckRepresentative.HandleAsync(context, caller,
            new V1.CheckRepresentativeRequest { NetworkId = networkId, PersonId = proto.PersonId, OrganisationId = proto.OrganisationId }, cancellationToken);
        if (!check.ActiveRepresentative)
        {
            throw RpcErrors.FailedPrecondition(check.Reason == Representatives.CheckRepresentative.MembershipNotActive ? "MEMBERSHIP_NOT_ACTIVE" : "NOT_A_REPRESENTATIVE",
                $"networks/{networkId}/persons/{proto.PersonId}",
                $"Only active representatives of active members ask to take part ({check.Reason}); the organisation appoints the person first.");
        }
    }
}
