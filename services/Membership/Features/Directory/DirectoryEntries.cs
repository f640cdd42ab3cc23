using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Directory;

/// <summary>One active member and its active representatives with their persons.</summary>
public sealed record DirectoryEntry(Organisation Organisation, IReadOnlyList<DirectoryContact> Contacts);

public sealed record DirectoryContact(Appointment Appointment, Person Person);

/// <summary>
/// The directory of a network: active members (ordered by id, one indexed page at a time) and their active
/// representatives (one indexed read per member), whose persons come in one read per page.
/// </summary>
internal static class DirectoryEntries
{
    /// <summary>One page of active members (of a kind, when given) after <paramref name="pageToken"/>, with their contacts.</summary>
    public static async Task<(IReadOnlyList<DirectoryEntry> Entries, Page<Organisation> Page)> PageAsync(
        MembershipContext context, string networkId, OrganisationKind? kind, int pageSize, string? pageToken,
            CancellationToken cancellationToken)
    {
        var query = MembershipCollections.Organisations.Query().Where(o => o.Membership.State, MembershipState.Active).Page(pageSize,
            pageToken);
        query = kind is { } k ? query.Where(o => o.Kind, k) : query;
        var page = await context.Store.QueryAsync(MembershipCollections.Organisations, networkId, query, cancellationToken);
        var appointments = new Dictionary<string, List<Appointment>>(StringComparer.Ordinal);
        foreach (var organisation in page.Items)
        {
            var all = await context.Store.ReadAllAsync(MembershipCollections.Appointments, networkId,
                MembershipCollections.Appointments.Query().Where(a => a.OrganisationId, organisation.Document.Id), cancellationToken);
            appointments[organisation.Document.Id] = all.Where(a => a.IsActive).ToList();
        }
        var personIds = appointments.Values.SelectMany(a => a.Select(a => a.PersonId)).Distinct(StringComparer.Ordinal).ToList();
        var persons = personIds.Count == 0
            ? []
            : (await context.Store.GetManyAsync(MembershipCollections.Persons, networkId, personIds,
                cancellationToken)).ToDictionary(p => p.Document.Id, p => p.Document);
        var entries = page.Items.Select(o => new DirectoryEntry(o.Document, [.. appointments[o.Document.Id]
            .OrderBy(a => a.Role).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Where(a => persons.ContainsKey(a.PersonId))
            .Select(a => new DirectoryContact(a, persons[a.PersonId]))])).ToList();
        return (entries, page);
    }

    /// <summary>Every active member: the whole directory, for the secretariat's export.</summary>
    public static async Task<IReadOnlyList<DirectoryEntry>> LoadAsync(MembershipContext context, string networkId,
        CancellationToken cancellationToken)
    {
        var entries = new List<DirectoryEntry>();
        string? token = null;
        do
        {
            var (page, organisations) = await PageAsync(context, networkId, null, Application.Validation.Paging.MaxPageSize, token,
                cancellationToken);
            entries.AddRange(page);
            token = organisations.NextPageToken;
        }
        while (token is not null);
        return entries;
    }
}
