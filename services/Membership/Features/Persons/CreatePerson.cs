using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Persons;

public sealed record CreatePersonCommand(string NetworkId, string RequestId, string EmployerOrganisationId, PersonDetails Person)
    : INetworkRequest;

/// <summary>The secretariat, or the employer organisation itself, registers a person.</summary>
public sealed class CreatePerson(MembershipContext context) : IUseCase<CreatePersonCommand, Versioned<Person>>
{
    public void Authorize(CreatePersonCommand command, Caller caller) =>
        Authorisation.EnsureSecretariatOrOrganisation(caller, command.EmployerOrganisationId);

    public void Validate(CreatePersonCommand command, Violations violations) => violations
        .RequestId("request_id", command.RequestId)
        .Id("person.employer_organisation_id", command.EmployerOrganisationId)
        .PersonDetails("person", command.Person);

    public async Task<Versioned<Person>> HandleAsync(CreatePersonCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.Store.RequireAsync(MembershipResources.Organisations, command.NetworkId, command.EmployerOrganisationId,
            cancellationToken);
        var key = IdempotencyKey.For(nameof(CreatePerson), caller, command.RequestId, command);
        return await context.Writes.CreateAsync(MembershipResources.Persons, command.NetworkId, key, _ =>
        {
            var now = context.Now;
            var person = Person.Register(Identifiers.New(Identifiers.Person, command.NetworkId, command.RequestId), command.NetworkId,
                command.EmployerOrganisationId, command.Person, now);
            return Task.FromResult(Change<Person>.With(person, version =>
                new PersonRegistered(Guid.NewGuid(), now, person.NetworkId, person.Id, version, person.Id, person.FullName,
                    person.EmployerOrganisationId)));
        }, cancellationToken);
    }
}
