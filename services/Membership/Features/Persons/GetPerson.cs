using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.GroupLeadership;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Persons;

/// <summary>
/// Any caller of the network; personal data is withheld by the mapping unless <see cref="PersonalDataPolicy"/> allows it
/// for the returned viewer (the caller with the members of the groups it leads).
/// </summary>
public static class GetPerson
{
    public static async Task<(Versioned<Person> Person, PersonalDataViewer Viewer)> HandleAsync(MembershipContext context, Caller caller, V1.GetPersonRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).Id("person_id", request.PersonId).ThrowIfInvalid();
        Authorisation.EnsureReader(caller, request.NetworkId);
        var person = await context.Store.RequireAsync(MembershipCollections.Persons, request.NetworkId, request.PersonId, cancellationToken);
        return (person, await LedGroupMembers.ViewerAsync(context, caller, request.NetworkId, cancellationToken));
    }
}
