using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.GroupLeadership;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Persons;

/// <summary>Ordered by id; optionally only one employer's persons. The viewer decides whose personal data is shown.</summary>
public static class ListPersons
{
    public static async Task<(Page<Person> Page, PersonalDataViewer Viewer)> HandleAsync(MembershipContext context, Caller caller, V1.ListPersonsRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).MaxLength("employer_organisation_id", request.EmployerOrganisationId, 100).ThrowIfInvalid();
        var pageSize = Paging.PageSize(request.PageSize);
        Authorisation.EnsureReader(caller, request.NetworkId);
        var query = MembershipCollections.Persons.Query().Page(pageSize, Paging.Token(request.PageToken));
        query = request.EmployerOrganisationId.Length > 0 ? query.Where(p => p.EmployerOrganisationId,
            request.EmployerOrganisationId) : query;
        var page = await context.Store.QueryAsync(MembershipCollections.Persons, request.NetworkId, query, cancellationToken);
        return (page, await LedGroupMembers.ViewerAsync(context, caller, request.NetworkId, cancellationToken));
    }
}
