using NetworkPlatform.Application;
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
        var prefix = request.ActiveOnly ? "active_" : "";
        var filters = new List<IndexFilter>();
        if (request.OrganisationId.Length > 0)
        {
            filters.Add(new IndexFilter(prefix + "organisation", request.OrganisationId));
        }
        if (request.PersonId.Length > 0)
        {
            filters.Add(new IndexFilter(prefix + "person", request.PersonId));
        }
        var page = await context.Store.QueryAsync(MembershipCollections.Appointments, request.NetworkId, new DocumentQuery(filters, pageSize, Paging.Token(request.PageToken)), cancellationToken);
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
