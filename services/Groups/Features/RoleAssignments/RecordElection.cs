using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.RoleAssignments;

/// <param name="Role">Leader or budget responsible, as the minutes say.</param>
public sealed record RecordElectionCommand(string NetworkId, string GroupId, string PersonId, GroupRole Role) : INetworkRequest;

/// <summary>
/// A leader or budget responsible elected at a group's meeting (from its minutes) takes the role, once: an election
/// already recorded (assigned by hand before the minutes came) changes nothing. Usually someone in the group is
/// elected; anyone else is checked with membership like any new participant. Run by the service's event handler.
/// </summary>
public sealed class RecordElection(GroupsContext context) : IUseCase<RecordElectionCommand, Versioned<Group>>
{
    public void Authorize(RecordElectionCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(RecordElectionCommand command, Violations violations) => violations
        .GroupId(command.GroupId)
        .Named("person_id", command.PersonId, "An election decision names the elected person.");

    public Task<Versioned<Group>> HandleAsync(RecordElectionCommand command, Caller caller, CancellationToken cancellationToken) =>
        context.Writes.InUnitAsync(async unit =>
        {
            var current = await unit.RequireForUpdateAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, cancellationToken);
            var group = current.Document;
            var participant = group.FindParticipant(command.PersonId);
            if (participant?.Holds(command.Role) == true)
            {
                return current;
            }
            var person = participant?.ToIdentity()
                ?? (await context.Membership.CheckRepresentativeAsync(command.NetworkId, command.PersonId,
                    cancellationToken)).RequireRepresentative();
            var at = context.Now;
            var changed = group.AssignRole(person, command.Role, at).Group;
            return await unit.ReplaceAsync(GroupsResources.Groups, command.NetworkId,
                new Change<Group>(changed, version =>
                    ParticipationEvents.Diff(group, changed, ParticipationReasons.Replaced, version, at)), current.Version,
                cancellationToken);
        }, cancellationToken);
}
