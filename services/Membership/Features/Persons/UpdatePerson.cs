using NetworkPlatform.Events.Membership;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Persons;

/// <summary>The secretariat, the person's employer organisation or the person updates name, contact data and expertise.</summary>
public static class UpdatePerson
{
    private static readonly string[] Updatable = ["full_name", "email", "phone", "expertise_areas"];

    public static async Task<Versioned<Person>> HandleAsync(MembershipContext context, Caller caller, V1.UpdatePersonRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).Message("person", request.Person);
        var proto = request.Person ?? new V1.Person();
        validation.Id("person.id", proto.Id).Etag("person.etag", proto.Etag);
        var mask = UpdateMask.Paths(validation, request.UpdateMask, Updatable);
        PersonFields.Validate(validation, proto, mask.Contains);
        validation.ThrowIfInvalid();
        caller.EnsureNetwork(request.NetworkId);

        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var current = await unitOfWork.RequireAsync(MembershipCollections.Persons, request.NetworkId, proto.Id, cancellationToken);
        var p = current.Document;
        if (caller.PersonId != p.Id)
        {
            Authorisation.EnsureSecretariatOrOrganisation(caller, request.NetworkId, p.EmployerOrganisationId);
        }
        var expected = current.ExpectedVersion(MembershipCollections.Persons, proto.Etag);
        var updated = p with
        {
            FullName = mask.Contains("full_name") ? proto.FullName.Trim() : p.FullName,
            Email = mask.Contains("email") ? proto.Email.Trim() : p.Email,
            Phone = mask.Contains("phone") ? proto.Phone.Trim() : p.Phone,
            ExpertiseAreas = mask.Contains("expertise_areas") ? PersonFields.Areas(proto) : p.ExpertiseAreas,
            UpdatedAt = context.Now,
        };
        var changed = ChangedFields(p, updated);
        if (changed.Count == 0)
        {
            return current;
        }
        var version = await unitOfWork.ReplaceAsync(MembershipCollections.Persons, request.NetworkId, updated, expected, cancellationToken);
        await unitOfWork.PublishAsync(new PersonUpdated(Guid.NewGuid(), updated.UpdatedAt, updated.NetworkId, updated.Id, version, updated.Id, updated.FullName, changed), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Person>(updated, version);
    }

    private static List<string> ChangedFields(Person before, Person after)
    {
        var changed = new List<string>();
        if (before.FullName != after.FullName)
        {
            changed.Add("full_name");
        }
        if (before.Email != after.Email)
        {
            changed.Add("email");
        }
        if (before.Phone != after.Phone)
        {
            changed.Add("phone");
        }
        if (!before.ExpertiseAreas.SequenceEqual(after.ExpertiseAreas))
        {
            changed.Add("expertise_areas");
        }
        return changed;
    }
}
