using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Lifecycle;

/// <summary>The secretariat starts a mandated group's work; refused while the mandate or the leader is missing.</summary>
public sealed class ActivateGroup(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(ActivateGroupRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureSecretariat();
        var at = clock.GetUtcNow();
        return await store.ChangeGroupAsync(request.NetworkId, request.GroupId, request.Etag, group =>
        {
            var active = group.Activate(new Decision(caller.Subject, request.DecisionReference.Trim(), "", at));
            return new GroupChange(active, version => [new GroupActivated(Guid.NewGuid(), at, active.NetworkId, active.Id, version,
                active.Id, active.Details.DisplayName, active.Details.Kind.ToString(), active.Leader!.PersonId, caller.Subject, request.DecisionReference.Trim())]);
        }, cancellationToken);
    }
}
