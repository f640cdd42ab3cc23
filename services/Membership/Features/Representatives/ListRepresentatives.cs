using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Storage;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <param name="OrganisationId">Only this organisation's appointments; empty for all.</param>
/// <param name="PersonId">Only this person's appointments; empty for all.</param>
public sealed record ListRepresentativesQuery(string NetworkId, string OrganisationId, string PersonId, bool ActiveOnly, int PageSize,
    string PageToken) : INetworkRequest;

public sealed record RepresentativePage(IReadOnlyList<RepresentativeView> Items, string? NextPageToken);

/// <summary>Ordered by id; filter by organisation and/or person, optionally only active appointments; any caller of the network.</summary>
public sealed class ListRepresentatives(MembershipContext context) : IUseCase<ListRepresentativesQuery, RepresentativePage>
{
    public void Authorize(ListRepresentativesQuery query, Caller caller)
    {
    }

    public void Validate(ListRepresentativesQuery query, Violations violations) => violations
        .OptionalId("organisation_id", query.OrganisationId)
        .OptionalId("person_id", query.PersonId)
        .PageSize("page_size", query.PageSize);

    public async Task<RepresentativePage> HandleAsync(ListRepresentativesQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var appointments = MembershipCollections.Appointments.Query().Page(Paging.Size(query.PageSize), Paging.Token(query.PageToken));
        if (query.OrganisationId.Length > 0)
        {
            appointments = appointments.Where(a => a.OrganisationId, query.OrganisationId);
        }
        if (query.PersonId.Length > 0)
        {
            appointments = appointments.Where(a => a.PersonId, query.PersonId);
        }
        if (query.ActiveOnly && appointments.Filters.Count > 0)
        {
            appointments = appointments.Where(a => a.EndAt, null);
        }
        var page = await context.Store.QueryAsync(MembershipCollections.Appointments, query.NetworkId, appointments, cancellationToken);
        var items = new List<RepresentativeView>();
        foreach (var appointment in page.Items)
        {
            // Without an organisation or person filter, active_only is applied to the page (pages may come out shorter).
            if (!query.ActiveOnly || appointment.Document.IsActive)
            {
                items.Add(await RepresentativeRules.ViewAsync(context, appointment, cancellationToken));
            }
        }
        return new RepresentativePage(items, page.NextPageToken);
    }
}
