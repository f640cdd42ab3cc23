using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Persons;

/// <summary>Ordered by id; optionally only one employer's persons.</summary>
public static class ListPersons
{
    public static async Task<Page<Person>> HandleAsync(MembershipContext context, Caller caller, V1.ListPersonsRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).MaxLength("employer_organisation_id", request.EmployerOrganisationId, 100).ThrowIfInvalid();
        var pageSize = Paging.PageSize(request.PageSize);
        Authorisation.EnsureReader(caller, request.NetworkId);
        IndexFilter[] filters = request.EmployerOrganisationId.Length > 0 ? [new IndexFilter("employer", request.EmployerOrganisationId)] : [];
        return await context.Store.QueryAsync(MembershipCollections.Persons, request.NetworkId, new DocumentQuery(filters, pageSize, Paging.Token(request.PageToken)), cancellationToken);
    }
}
