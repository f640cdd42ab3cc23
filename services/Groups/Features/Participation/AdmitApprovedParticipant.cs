using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Participation;

/// <param name="ParticipationRequestId">The membership service's approved request, for the record.</param>
public sealed record AdmitApprovedParticipantCommand(string NetworkId, string GroupId, string PersonId, string ParticipationRequestId)
    : INetworkRequest;

/// <summary>
/// The network's secretariat approved a person's request to join a group (membership's participation request): the
/// person becomes a member, checked with membership at this moment like any join. Run by the service's event handler.
/// </summary>
public sealed class AdmitApprovedParticipant(GroupsContext context) : IUseCase<AdmitApprovedParticipantCommand, Versioned<Group>>
{
    public void Authorize(AdmitApprovedParticipantCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(AdmitApprovedParticipantCommand command, Violations violations) => violations
        .GroupId(command.GroupId)
        .Named("person_id", command.PersonId, "Name the person admitted.");

    public async Task<Versioned<Group>> HandleAsync(AdmitApprovedParticipantCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var person = (await context.Membership.CheckRepresentativeAsync(command.NetworkId, command.PersonId, cancellationToken))
            .RequireRepresentative();
        var at = context.Now;
        return await context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, "", group =>
        {
            var admitted = group.Admit(person, at);
            return new Change<Group>(admitted, version => ParticipationEvents.Diff(group, admitted, "", version, at));
        }, cancellationToken);
    }
}
