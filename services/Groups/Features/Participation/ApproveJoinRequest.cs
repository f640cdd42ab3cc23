using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Participation;

public sealed record ApproveJoinRequestCommand(string NetworkId, string GroupId, string PersonId, bool Approve) : INetworkRequest;

/// <summary>The leader or the secretariat answers a join request; an approval checks the person with membership again.</summary>
public sealed class ApproveJoinRequest(GroupsContext context) : IUseCase<ApproveJoinRequestCommand, Versioned<Group>>
{
    // Who may is decided on the stored group (its leader), in HandleAsync.
    public void Authorize(ApproveJoinRequestCommand command, Caller caller)
    {
    }

    public void Validate(ApproveJoinRequestCommand command, Violations violations) => violations.GroupId(command.GroupId);

    public async Task<Versioned<Group>> HandleAsync(ApproveJoinRequestCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var current = await context.Store.RequireAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, cancellationToken);
        caller.EnsureSecretariatOrLeader(current.Document);
        var verified = command.Approve
            ? (await context.Membership.CheckRepresentativeAsync(command.NetworkId, command.PersonId,
                cancellationToken)).RequireRepresentative()
            : null;
        var at = context.Now;
        // The version the leader was checked on: a group changed meanwhile (a new leader) is answered ABORTED.
        return await context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, current.ETag, group =>
        {
            var changed = group.AnswerJoinRequest(command.PersonId, verified, command.Approve, at);
            return new Change<Group>(changed, version => ParticipationEvents.Diff(group, changed, "", version, at));
        }, cancellationToken);
    }
}
