using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.Membership;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Participation;

/// <summary>The leader or the secretariat answers a join request; an approval checks the person with membership again.</summary>
public sealed class ApproveJoinRequest(IDocumentStore store, IMembershipDirectory membership, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(ApproveJoinRequestRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        var current = await store.LoadAsync(GroupsCollections.Groups, request.NetworkId, request.GroupId, cancellationToken);
        caller.EnsureSecretariatOrLeader(current.Document);
        var verified = request.Approve
            ? (await membership.CheckRepresentativeAsync(request.NetworkId, request.PersonId, cancellationToken)).RequireRepresentative()
            : null;
        var at = clock.GetUtcNow();
        return await store.ChangeGroupAsync(request.NetworkId, request.GroupId, current.ETag, group =>
        {
            var changed = group.AnswerJoinRequest(request.PersonId, verified, request.Approve, at);
            return new GroupChange(changed, version => ParticipationEvents.Diff(group, changed, "", version, at));
        }, cancellationToken);
    }
}
