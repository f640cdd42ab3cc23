using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.Representatives;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Participation;

/// <param name="GroupNetworkId">The network that owns the group; empty for the request's own network.</param>
public sealed record RequestParticipationCommand(string NetworkId, string RequestId, string OrganisationId, string PersonId,
    Choice<ParticipationKind> Kind, string GroupId, string ProposedGroupName, string GroupNetworkId, string Motivation) : INetworkRequest
{
    public string EffectiveGroupNetworkId => GroupNetworkId.Length == 0 ? NetworkId : GroupNetworkId;
}

/// <summary>
/// An active representative of an active member asks to join a group or to create one, in its own network or in a
/// network above it (then the secretariat forwards it up). The secretariat may file it on the representative's behalf.
/// </summary>
public sealed class RequestParticipation(MembershipContext context) : IUseCase<RequestParticipationCommand, Versioned<ParticipationRequest>>
{
    public void Authorize(RequestParticipationCommand command, Caller caller)
    {
        Authorisation.EnsureSecretariatOrOrganisation(caller, command.OrganisationId);
        if (!caller.HasRole(Roles.Secretariat) && caller.PersonId is not null && caller.PersonId != command.PersonId)
        {
            throw new PermissionDeniedException("OTHER_PERSON",
                "A representative asks for themselves; send your own person_id, or ask the secretariat to file it.");
        }
    }

    public void Validate(RequestParticipationCommand command, Violations violations)
    {
        violations.RequestId("request_id", command.RequestId)
            .Id("participation_request.organisation_id", command.OrganisationId)
            .Id("participation_request.person_id", command.PersonId)
            .Text("participation_request.motivation", command.Motivation, 4000)
            .Choice("participation_request.kind", command.Kind);
        if (command.Kind.Value == ParticipationKind.JoinGroup)
        {
            violations.Id("participation_request.group_id", command.GroupId);
        }
        if (command.Kind.Value == ParticipationKind.CreateGroup)
        {
            violations.Required("participation_request.proposed_group_name", command.ProposedGroupName);
        }
        violations.NetworkId("participation_request.group_network_id", command.EffectiveGroupNetworkId);
    }

    public async Task<Versioned<ParticipationRequest>> HandleAsync(RequestParticipationCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var (networkId, groupNetworkId) = (command.NetworkId, command.EffectiveGroupNetworkId);
        await EnsureActiveRepresentativeAsync(command, cancellationToken);
        if (groupNetworkId != networkId && !(await ParticipationRequests.AncestorsAsync(context.Store, networkId,
            cancellationToken)).Contains(groupNetworkId))
        {
            throw new RuleViolationException("GROUP_NETWORK_NOT_A_PARENT", $"networks/{groupNetworkId}",
                $"'{groupNetworkId}' is neither '{networkId}' nor a network it is a member of; see ListNetworkRelations.");
        }
        var key = IdempotencyKey.For(nameof(RequestParticipation), caller, command.RequestId, command);
        return await context.Writes.CreateAsync(MembershipResources.ParticipationRequests, networkId, key, async unit =>
        {
            var now = context.Now;
            var wish = new ParticipationWish(command.Kind.Value.GetValueOrDefault(), command.GroupId, command.ProposedGroupName,
                groupNetworkId,
                command.Motivation);
            var request = ParticipationRequest.Submit(Identifiers.New(Identifiers.ParticipationRequest, networkId, command.RequestId),
                networkId,
                command.OrganisationId, command.PersonId, wish, now);
            await unit.InsertAsync(MembershipCollections.ParticipationRequestLinks, networkId,
                new ParticipationRequestLink(request.Id, networkId, now),
                cancellationToken);
            return Change<ParticipationRequest>.With(request, version => new ParticipationRequested(Guid.NewGuid(), now, networkId,
                request.Id,
                version, request.Id, request.OrganisationId, request.PersonId, request.Kind.ToString(), request.GroupId,
                request.ProposedGroupName, request.GroupNetworkId));
        }, cancellationToken);
    }

    private async Task EnsureActiveRepresentativeAsync(RequestParticipationCommand command, CancellationToken cancellationToken)
    {
        var check = await CheckRepresentative.CheckAsync(context,
            new CheckRepresentativeQuery(command.NetworkId, command.PersonId, command.OrganisationId), cancellationToken);
        if (!check.ActiveRepresentative)
        {
            throw new RuleViolationException(
                check.Reason == CheckRepresentative.MembershipNotActive ? "MEMBERSHIP_NOT_ACTIVE" : "NOT_A_REPRESENTATIVE",
                $"networks/{command.NetworkId}/persons/{command.PersonId}",
                $"Only active representatives of active members ask to take part ({check.Reason}); "
                + "the organisation appoints the person first.");
        }
    }
}
