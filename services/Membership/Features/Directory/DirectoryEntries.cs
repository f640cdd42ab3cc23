using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Directory;

/// <summary>One active member and its active representatives with their persons.</summary>
public sealed record DirectoryEntry(Organisation Organisation, IReadOnlyList<DirectoryContact> Contacts);

public sealed record DirectoryContact(ActiveAppointment Appointment, Person Person);

/// <summary>
/// Reads the whole directory of a network: every active member (ordered by id) and its active representatives.
/// A network has at most a few thousand members, so search filters in memory.
/// </summary>
internal static class DirectoryEntries
{
    public static async Task<IReadOnlyList<DirectoryEntry>> LoadAsync(MembershipContext context, string networkId, OrganisationKind? kind, CancellationToken cancellationToken)
    {
        var filters = new List<IndexFilter> { new("membership_state", nameof(MembershipState.Active)) };
        if (kind is { } k)
        {
            filters.Add(new IndexFilter("kind", k.ToString()));
        }
        var entries = new List<DirectoryEntry>();
        string? token = null;
        do
        {
            var page = await context.Store.QueryAsync(MembershipCollections.Organisations, networkId, new DocumentQuery(filters, Paging.MaxPageSize, token), cancellationToken);
            foreach (var organisation in page.Items.Select(i => i.Document))
            {
                var contacts = new List<DirectoryContact>();
                foreach (var appointment in organisation.ActiveAppointments.OrderBy(a => a.Role).ThenBy(a => a.AppointmentId, StringComparer.Ordinal))
                {
                    if (await context.Store.GetAsync(MembershipCollections.Persons, networkId, appointment.PersonId, cancellationToken) is { } person)
                    {
                        contacts.Add(new DirectoryContact(appointment, person.Document));
                    }
                }
                entries.Add(new DirectoryEntry(organisation, contacts));
            }
            token = page.NextPageToken;
        }
        while (token is not null);
        return entries;
    }
}
