using NetworkPlatform.Events.Membership;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Persons;

/// <summary>The secretariat, or the employer organisation itself, registers a person.</summary>
public static class CreatePerson
{
    public static async Task<Versioned<Person>> HandleAsync(MembershipContext context, Caller caller, V1.CreatePersonRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).RequestId("request_id", request.RequestId).Message("person", request.Person);
        var proto = request.Person ?? new V1.Person();
        PersonFields.Validate(validation, proto);
        validation.Id("person.employer_organisation_id", proto.EmployerOrganisationId);
        validation.ThrowIfInvalid();
        Authorisation.EnsureSecretariatOrOrganisation(caller, request.NetworkId, proto.EmployerOrganisationId);
        await context.Store.RequireAsync(MembershipCollections.Organisations, request.NetworkId, proto.EmployerOrganisationId, cancellationToken);

        var now = context.Now;
        var person = new Person
        {
            Id = Identifiers.New(Identifiers.Person, request.NetworkId, request.RequestId),
            NetworkId = request.NetworkId,
            FullName = proto.FullName.Trim(),
            Email = proto.Email.Trim(),
            Phone = proto.Phone.Trim(),
            EmployerOrganisationId = proto.EmployerOrganisationId,
            ExpertiseAreas = PersonFields.Areas(proto),
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await context.Store.CreateOnceAsync(MembershipCollections.Persons, request.NetworkId, person.Id, async () =>
        {
            await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
            var version = await unitOfWork.InsertAsync(MembershipCollections.Persons, person.NetworkId, person, cancellationToken);
            await unitOfWork.PublishAsync(new PersonRegistered(Guid.NewGuid(), now, person.NetworkId, person.Id, version, person.Id, person.FullName, person.EmployerOrganisationId), cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            return new Versioned<Person>(person, version);
        }, cancellationToken);
    }
}
