using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Participation;

public sealed record JoinGroupCommand(string NetworkId, string GroupId, string PersonId) : INetworkRequest;

/// <param name="Joined">True when the person joined at once; false when their request waits for the leader.</param>
public sealed record JoinResult(Versioned<Group> Group, bool Joined);

/// <summary>
/// A representative joins a group (open policy) or asks to (leader approval). The membership service is asked at this
/// moment whether they represent an active member; if not, the refusal says why.
/// </summary>
public sealed class JoinGroup(GroupsContext context) : IUseCase<JoinGroupCommand, JoinResult>
{
    public void Authorize(JoinGroupCommand command, Caller caller) => caller.EnsureSelfOrSecretariat(command.PersonId);

    public void Validate(JoinGroupCommand command, Violations violations) => violations
        .GroupId(command.GroupId)
        .Named("person_id", command.PersonId, "Name the person who joins (your own person id).");

    public async Task<JoinResult> HandleAsync(JoinGroupCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var person = (await context.Membership.CheckRepresentativeAsync(command.NetworkId, command.PersonId, cancellationToken))
            .RequireRepresentative();
        var at = context.Now;
        var joined = false;
        var stored = await context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, "", group =>
        {
            var outcome = group.Join(person, at);
            joined = outcome.Joined;
            return new Change<Group>(outcome.Group, version => ParticipationEvents.Diff(group, outcome.Group, "", version, at));
        }, cancellationToken);
        return new JoinResult(stored, joined);
    }
}
