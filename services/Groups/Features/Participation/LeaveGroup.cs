using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Participation;

/// <summary>A person leaves a group (or the secretariat or the leader takes them out); their roles go with them.</summary>
public sealed class LeaveGroup(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(LeaveGroupRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        var at = clock.GetUtcNow();
        return await store.ChangeGroupAsync(request.NetworkId, request.GroupId, "", group =>
        {
            caller.EnsureSelfOrSecretariat(request.PersonId, group);
            var changed = group.Leave(request.PersonId, at);
            return new GroupChange(changed, version => ParticipationEvents.Diff(group, changed, "Left", version, at));
        }, cancellationToken);
    }
}
