using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.PersonalData;

public sealed record ErasePersonCopiesCommand(string NetworkId, string PersonId) : INetworkRequest;

/// <summary>
/// Membership erased a person: in every group they keep their place and roles as "former participant", without contact
/// details, and the groups' outbox loses their name and addresses. Run by the service itself (PersonErased), in the
/// delivery's unit; idempotent (a group already holding nothing of theirs is left alone).
/// </summary>
public sealed class ErasePersonCopies(GroupsContext context) : IUseCase<ErasePersonCopiesCommand, int>
{
    public void Authorize(ErasePersonCopiesCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(ErasePersonCopiesCommand command, Violations violations) => violations.Id("person_id", command.PersonId);

    /// <returns>How many groups changed.</returns>
    public Task<int> HandleAsync(ErasePersonCopiesCommand command, Caller caller, CancellationToken cancellationToken) =>
        context.Writes.InUnitAsync(async unit =>
        {
            var (network, personId, at) = (command.NetworkId, command.PersonId, context.Now);
            var values = new HashSet<string>();
            var changed = 0;
            // A network has tens of groups: reading them all is cheaper than keeping a per-person index in step.
            foreach (var candidate in await context.Store.ReadAllAsync(GroupsCollections.Groups, network,
                GroupsCollections.Groups.Query(), cancellationToken))
            {
                if (candidate.ErasePerson(personId, PersonErased.FormerParticipant, at) is null)
                {
                    continue;
                }
                var current = await unit.RequireForUpdateAsync(GroupsResources.Groups, network, candidate.Id, cancellationToken);
                values.UnionWith(current.Document.ValuesOf(personId));
                if (current.Document.ErasePerson(personId, PersonErased.FormerParticipant, at) is { } erased)
                {
                    await unit.ReplaceAsync(GroupsResources.Groups, network, Change<Group>.Quiet(erased), current.Version,
                        cancellationToken);
                    changed++;
                }
            }
            values.Remove(PersonErased.FormerParticipant);
            await unit.ScrubOutboxAsync(network, values, PersonErased.FormerParticipant, cancellationToken);
            return changed;
        }, cancellationToken);
}
