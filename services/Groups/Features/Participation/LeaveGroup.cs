using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Participation;

public sealed record LeaveGroupCommand(string NetworkId, string GroupId, string PersonId) : INetworkRequest;

/// <summary>A person leaves a group (or the secretariat or the leader takes them out); their roles go with them.</summary>
public sealed class LeaveGroup(GroupsContext context) : IUseCase<LeaveGroupCommand, Versioned<Group>>
{
    // The person themself or the secretariat, or the group's leader: decided on the stored group, in HandleAsync.
    public void Authorize(LeaveGroupCommand command, Caller caller)
    {
    }

    public void Validate(LeaveGroupCommand command, Violations violations) => violations.GroupId(command.GroupId);

    public Task<Versioned<Group>> HandleAsync(LeaveGroupCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var at = context.Now;
        return context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, "", group =>
        {
            caller.EnsureSelfOrSecretariat(command.PersonId, group);
            var changed = group.Leave(command.PersonId, at);
            return new Change<Group>(changed, version => ParticipationEvents.Diff(group, changed, ParticipationReasons.Left, version, at));
        }, cancellationToken);
    }
}
