using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <summary>Ordered by id; filter by organisation and/or person, optionally only active appointments.</summary>
public static class ListRepresentatives
{
    public static async Task<(IReadOnlyList<RepresentativeView> Items, string? NextPageToken)> HandleAsync(MembershipContext context, Caller caller, V1.ListRepresentativesRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId)
            .MaxLength("organisation_id", request.OrganisationId, 100).MaxLength("person_id", request.PersonId, 100).ThrowIfInvalid();
        var pageSize = Paging.PageSize(request.PageSize);
        Authorisation.EnsureReader(caller, request.NetworkId);
        var query = MembershipCollections.Appointments.Query().Page(pageSize, Paging.Token(request.PageToken));
        if (request.OrganisationId.Length > 0)
        {
            query = query.Where(a => a.OrganisationId, request.OrganisationId);
        }
        if (request.PersonId.Length > 0)
        {
            query = query.Where(a => a.PersonId, request.PersonId);
        }
        if (request.ActiveOnly && query.Filters.Count > 0)
        {
            query = query.Where(a => a.EndAt, null);
        }
        var page = await context.Store.QueryAsync(MembershipCollections.Appointments, request.NetworkId, query, cancellationToken);
        var items = new List<RepresentativeView>();
        foreach (var appointment in page.Items)
        {
            // Without an organisation or person filter, active_only is applied to the page (pages may come out shorter).
            if (!request.ActiveOnly || appointment.Document.IsActive)
            {
                items.Add(await RepresentativeView.LoadAsync(context, appointment, cancellationToken));
            }
        }
        return (items, page.NextPageToken);
    }
}
