using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Lifecycle;

/// <summary>The secretariat ends a group early (the need went away, or it never got going), with the reason.</summary>
public sealed class DissolveGroup(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(DissolveGroupRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureSecretariat();
        var at = clock.GetUtcNow();
        return await store.ChangeGroupAsync(request.NetworkId, request.GroupId, request.Etag, group =>
        {
            var decision = new Decision(caller.Subject, request.DecisionReference.Trim(), request.Reason.Trim(), at);
            var dissolved = group.Dissolve(decision);
            return new GroupChange(dissolved, version => [new GroupDissolved(Guid.NewGuid(), at, dissolved.NetworkId, dissolved.Id, version,
                dissolved.Id, decision.Reason, caller.Subject, decision.DecisionReference)]);
        }, cancellationToken);
    }
}
