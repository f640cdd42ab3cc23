using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Groups;

/// <summary>A representative, a group leader or the secretariat proposes a group; it waits for a mandate.</summary>
public sealed class ProposeGroup(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(ProposeGroupRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureAnyRole(Roles.Representative, Roles.GroupLeader, Roles.Secretariat);
        var errors = new List<FieldError>();
        var details = GroupInput.Details(request.Group, errors);
        var id = GroupInput.IdOrNew(request.GroupId, "group_id", "grp", errors);
        InvalidFieldsException.ThrowIfAny(errors);
        var decision = new Decision(caller.Subject, "", request.Reason, clock.GetUtcNow());
        var group = GroupInput.Build(() => Group.Propose(request.NetworkId, id, details, decision));
        return await GroupCreation.CreateAsync(store, group, request.RequestId, caller.Subject, cancellationToken);
    }
}
