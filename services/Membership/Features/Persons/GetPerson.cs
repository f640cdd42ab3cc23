using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.GroupLeadership;
using NetworkPlatform.Membership.Features.Networks;
using NetworkPlatform.Membership.Features.PersonalData;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Persons;

public sealed record GetPersonQuery(string NetworkId, string PersonId) : INetworkRequest;

/// <summary>A person and who is looking (their personal data is shown only as <see cref="PersonalDataPolicy"/> allows).</summary>
public sealed record PersonView(Versioned<Person> Person, PersonalDataViewer Viewer);

/// <summary>
/// Any caller of the network; the viewer is the caller with the members of the groups it leads. A person of a member
/// network resolves here too (<see cref="MemberNetworks"/>), with their own network.
/// </summary>
public sealed class GetPerson(MembershipContext context) : IUseCase<GetPersonQuery, PersonView>
{
    public void Authorize(GetPersonQuery query, Caller caller)
    {
    }

    public void Validate(GetPersonQuery query, Violations violations) => violations.Id("person_id", query.PersonId);

    public async Task<PersonView> HandleAsync(GetPersonQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var person = await MemberNetworks.FindAsync(context.Store, MembershipCollections.Persons, query.NetworkId, query.PersonId,
            cancellationToken) ?? throw MembershipResources.Persons.NotFound(query.NetworkId, query.PersonId);
        var viewer = await LedGroupMembers.ViewerAsync(context, caller, query.NetworkId, cancellationToken);
        await MembershipContactReads.RecordAsync(context, viewer, query.NetworkId, "GetPerson", [person.Document], cancellationToken);
        return new PersonView(person, viewer);
    }
}
