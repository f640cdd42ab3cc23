using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.PersonalData;

public sealed record ErasePersonCommand(string NetworkId, string PersonId, string Reason) : INetworkRequest;

/// <summary>
/// The secretariat anonymises a person (GDPR article 17). In one unit: the person becomes "former participant" without
/// contact details (their erasure recorded: who, when, why), PersonErased goes to the outbox, and the outbox's earlier
/// messages lose the person's name and addresses. The outbox delivers PersonErased to every service, however often the
/// process crashes, and each replaces its copies. Erasing an erased person changes nothing and answers the first erasure.
/// </summary>
public sealed class ErasePerson(MembershipContext context) : IUseCase<ErasePersonCommand, Person>
{
    public const int MaxReasonLength = 500;

    public void Authorize(ErasePersonCommand command, Caller caller) => Authorisation.EnsureSecretariat(caller);

    public void Validate(ErasePersonCommand command, Violations violations) => violations
        .Id("person_id", command.PersonId)
        .Required("reason", command.Reason, MaxReasonLength);

    public Task<Person> HandleAsync(ErasePersonCommand command, Caller caller, CancellationToken cancellationToken) =>
        context.Writes.InUnitAsync(async unit =>
        {
            var (network, id) = (command.NetworkId, command.PersonId);
            var current = await unit.RequireForUpdateAsync(MembershipResources.Persons, network, id, cancellationToken);
            var person = current.Document;
            var now = context.Now;
            var erased = person.Erase(PersonErased.FormerParticipant, caller.Subject, command.Reason, now);
            if (ReferenceEquals(erased, person))
            {
                return person;
            }
            await unit.ReplaceAsync(MembershipResources.Persons, network, Change<Person>.With(erased, version =>
                new PersonErased(Guid.NewGuid(), now, network, id, version, id, caller.Subject, erased.Erasure!.Reason)),
                current.Version, cancellationToken);
            await unit.ScrubOutboxAsync(network, person.ErasableValues, PersonErased.FormerParticipant, cancellationToken);
            return erased;
        }, cancellationToken);
}
