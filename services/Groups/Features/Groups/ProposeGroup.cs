using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Groups;

public sealed record ProposeGroupCommand(string NetworkId, string GroupId, string RequestId, GroupDraft? Group,
    string Reason) : INetworkRequest;

/// <summary>A representative, a group leader or the secretariat proposes a group; it waits for a mandate.</summary>
public sealed class ProposeGroup(GroupsContext context) : IUseCase<ProposeGroupCommand, Versioned<Group>>
{
    public void Authorize(ProposeGroupCommand command, Caller caller) =>
        caller.EnsureAnyRole(Roles.Representative, Roles.GroupLeader, Roles.Secretariat);

    public void Validate(ProposeGroupCommand command, Violations violations) => violations
        .RequestId("request_id", command.RequestId)
        .NewGroup(command.Group)
        .NewId("group_id", command.GroupId)
        .Text("reason", command.Reason, 4000);

    public Task<Versioned<Group>> HandleAsync(ProposeGroupCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var decision = new Decision(caller.Subject, "", command.Reason, context.Now);
        return GroupCreation.CreateAsync(context, nameof(ProposeGroup), command, command.NetworkId, command.GroupId, command.RequestId,
            caller,
            id => Group.Propose(command.NetworkId, id, command.Group!.ToDetails(), decision), cancellationToken);
    }
}
