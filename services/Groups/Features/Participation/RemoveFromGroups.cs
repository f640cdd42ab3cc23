using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Participation;

/// <param name="PersonId">The representative who no longer represents the organisation; empty: everyone representing it.</param>
/// <param name="Reason">Why (the event that said so), for the RoleVacated and ParticipantLeft events.</param>
public sealed record RemoveFromGroupsCommand(string NetworkId, string OrganisationId, string PersonId, string Reason) : INetworkRequest;

/// <summary>
/// Someone no longer represents a member (appointment withdrawn, membership ended): they leave every group of the
/// network. A leader or budget responsible who leaves this way leaves the group flagged as missing that role. Run by
/// the service itself (its event handlers), with the secretariat's rights.
/// </summary>
public sealed class RemoveFromGroups(GroupsContext context) : IUseCase<RemoveFromGroupsCommand, IReadOnlyList<string>>
{
    public void Authorize(RemoveFromGroupsCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(RemoveFromGroupsCommand command, Violations violations) => violations.Id("organisation_id",
        command.OrganisationId);

    /// <returns>The ids of the groups that changed.</returns>
    public async Task<IReadOnlyList<string>> HandleAsync(RemoveFromGroupsCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var at = context.Now;
        Group? Remove(Group group) => command.PersonId.Length > 0
            ? group.RemoveRepresentative(command.PersonId, command.OrganisationId, at)
            : group.RemoveOrganisation(command.OrganisationId, at);
        var changedIds = new List<string>();
        // A network has tens of groups: reading them all is cheaper than keeping a per-person index in step.
        foreach (var candidate in await context.Store.ReadAllAsync(GroupsCollections.Groups, command.NetworkId,
            GroupsCollections.Groups.Query(),
            cancellationToken))
        {
            if (Remove(candidate) is null)
            {
                continue;
            }
            var removed = false;
            await context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, candidate.Id, "", group =>
            {
                var changed = Remove(group);
                removed = changed is not null;
                return changed is null
                    ? Change<Group>.Quiet(group)
                    : new Change<Group>(changed, version => ParticipationEvents.Diff(group, changed, command.Reason, version, at));
            }, cancellationToken);
            if (removed)
            {
                changedIds.Add(candidate.Id);
            }
        }
        return changedIds;
    }
}
