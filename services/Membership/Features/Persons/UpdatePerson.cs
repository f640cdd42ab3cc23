using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Persons;

/// <param name="UpdateMask">The detail fields to change (empty: all of them).</param>
public sealed record UpdatePersonCommand(string NetworkId, string PersonId, string Etag, IReadOnlyList<string> UpdateMask,
    PersonDetails Person)
    : INetworkRequest;

/// <summary>The secretariat, the person's employer organisation or the person updates name, contact data and expertise.</summary>
public sealed class UpdatePerson(MembershipContext context) : IUseCase<UpdatePersonCommand, Versioned<Person>>
{
    // Who may is decided on the stored person (its employer), in HandleAsync.
    public void Authorize(UpdatePersonCommand command, Caller caller)
    {
    }

    public void Validate(UpdatePersonCommand command, Violations violations) => violations
        .Id("person.id", command.PersonId)
        .Etag("person.etag", command.Etag)
        .UpdateMask("update_mask", command.UpdateMask, PersonDetails.Fields.Updatable)
        .PersonDetails("person", command.Person, UpdateMasks.Effective(command.UpdateMask, PersonDetails.Fields.Updatable));

    public Task<Versioned<Person>> HandleAsync(UpdatePersonCommand command, Caller caller, CancellationToken cancellationToken) =>
        context.Writes.ChangeAsync(MembershipResources.Persons, command.NetworkId, command.PersonId, command.Etag, person =>
        {
            if (caller.PersonId != person.Id)
            {
                Authorisation.EnsureSecretariatOrOrganisation(caller, person.EmployerOrganisationId);
            }
            var now = context.Now;
            var updated = person.Update(command.Person, UpdateMasks.Effective(command.UpdateMask, PersonDetails.Fields.Updatable), now);
            var changed = updated.ChangedSince(person);
            return changed.Count == 0
                ? Change<Person>.Quiet(person)
                : Change<Person>.With(updated, version =>
                    new PersonUpdated(Guid.NewGuid(), now, updated.NetworkId, updated.Id, version, updated.Id, updated.FullName,
                        [.. changed]));
        }, cancellationToken);
}
