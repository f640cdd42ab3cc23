using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.GroupLeadership;
using NetworkPlatform.Membership.Features.PersonalData;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Persons;

/// <param name="EmployerOrganisationId">Only this organisation's persons; empty for all.</param>
public sealed record ListPersonsQuery(string NetworkId, string EmployerOrganisationId, int PageSize, string PageToken) : INetworkRequest;

public sealed record PersonPage(Page<Person> Page, PersonalDataViewer Viewer);

/// <summary>Ordered by id; optionally only one employer's persons. The viewer decides whose personal data is shown.</summary>
public sealed class ListPersons(MembershipContext context) : IUseCase<ListPersonsQuery, PersonPage>
{
    public void Authorize(ListPersonsQuery query, Caller caller)
    {
    }

    public void Validate(ListPersonsQuery query, Violations violations) => violations
        .Text("employer_organisation_id", query.EmployerOrganisationId, 100)
        .PageSize("page_size", query.PageSize);

    public async Task<PersonPage> HandleAsync(ListPersonsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var persons = MembershipCollections.Persons.Query().Page(
            Application.Validation.Paging.Size(query.PageSize), Application.Validation.Paging.Token(query.PageToken));
        persons = query.EmployerOrganisationId.Length > 0 ? persons.Where(p => p.EmployerOrganisationId,
            query.EmployerOrganisationId) : persons;
        var page = await context.Store.QueryAsync(MembershipCollections.Persons, query.NetworkId, persons, cancellationToken);
        var viewer = await LedGroupMembers.ViewerAsync(context, caller, query.NetworkId, cancellationToken);
        await MembershipContactReads.RecordAsync(context, viewer, query.NetworkId, "ListPersons", page.Items.Select(p => p.Document),
            cancellationToken);
        return new PersonPage(page, viewer);
    }
}
