using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.Membership;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Participation;

/// <summary>
/// A representative joins a group (open policy) or asks to (leader approval). The membership service is asked at this
/// moment whether they represent an active member; if not, the refusal says why.
/// </summary>
public sealed class JoinGroup(IDocumentStore store, IMembershipDirectory membership, TimeProvider clock)
{
    public async Task<(Versioned<Group> Group, bool Joined)> HandleAsync(JoinGroupRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        if (string.IsNullOrWhiteSpace(request.PersonId))
        {
            throw new InvalidFieldsException("person_id", "Name the person who joins (your own person id).");
        }
        caller.EnsureSelfOrSecretariat(request.PersonId);
        var person = (await membership.CheckRepresentativeAsync(request.NetworkId, request.PersonId, cancellationToken)).RequireRepresentative();
        var at = clock.GetUtcNow();
        var joined = false;
        var stored = await store.ChangeGroupAsync(request.NetworkId, request.GroupId, "", group =>
        {
            var outcome = group.Join(person, at);
            joined = outcome.Joined;
            return new GroupChange(outcome.Group, version => ParticipationEvents.Diff(group, outcome.Group, "", version, at));
        }, cancellationToken);
        return (stored, joined);
    }
}
