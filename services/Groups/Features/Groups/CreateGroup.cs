using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Groups;

public sealed record CreateGroupCommand(string NetworkId, string GroupId, string RequestId, GroupDraft? Group) : INetworkRequest;

/// <summary>The secretariat registers a standing governing body (partner meeting, steering group ...), active at once.</summary>
public sealed class CreateGroup(GroupsContext context) : IUseCase<CreateGroupCommand, Versioned<Group>>
{
    public void Authorize(CreateGroupCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(CreateGroupCommand command, Violations violations) => violations
        .RequestId("request_id", command.RequestId)
        .NewGroup(command.Group)
        .NewId("group_id", command.GroupId);

    public Task<Versioned<Group>> HandleAsync(CreateGroupCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var decision = new Decision(caller.Subject, "", "Standing body registered by the secretariat", context.Now);
        return GroupCreation.CreateAsync(context, nameof(CreateGroup), command, command.NetworkId, command.GroupId, command.RequestId,
            caller,
            id => Group.RegisterStandingBody(command.NetworkId, id, command.Group!.ToDetails(), decision), cancellationToken);
    }
}
