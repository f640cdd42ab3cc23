using NetworkPlatform.Storage;

namespace NetworkPlatform.Application.PersonalData;

/// <summary>
/// One call's reads of other people's contact details by a secretariat member or a group leader (issue 24 item 4): who
/// read (the token's subject and person), when, through which call, and whose e-mail or phone the answer showed.
/// </summary>
public sealed record ContactDetailsRead(string Id, string ReadBy, string? ReaderPersonId, string Via, DateTimeOffset ReadAt,
    IReadOnlyList<string> PersonIds);

/// <summary>
/// The record of reads of contact details, kept by each service that shows them (membership: persons and the directory;
/// meetings: invitees' addresses): one document per call, however many persons the answer shows.
/// </summary>
public static class ContactReads
{
    private const int PageSize = 500;

    /// <summary>In each service's database; no index by person (a read lists many): ids sort by time.</summary>
    public static readonly DocumentCollection<ContactDetailsRead> Collection = new("contact_reads", r => r.Id);

    /// <summary>
    /// Records that the answer to <paramref name="via"/> showed the contact details of <paramref name="shownPersonIds"/>
    /// (those the service's rule let the caller see) to a secretariat member or a group leader; their own are left out,
    /// and nothing is recorded for other callers.
    /// </summary>
    public static async Task RecordAsync(IDocumentStore store, string networkId, Caller caller, string via, DateTimeOffset at,
        IEnumerable<string> shownPersonIds, CancellationToken cancellationToken)
    {
        if (!caller.HasAnyRole(Roles.Secretariat, Roles.GroupLeader))
        {
            return;
        }
        var read = shownPersonIds.Where(id => id.Length > 0 && id != caller.PersonId).Distinct().ToList();
        if (read.Count == 0)
        {
            return;
        }
        await using var unit = await store.BeginAsync(cancellationToken);
        await unit.InsertAsync(Collection, networkId,
            new ContactDetailsRead(Guid.CreateVersion7().ToString("N"), caller.Subject, caller.PersonId, via, at, read),
            cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The reads of the person's details, for their export (who, when, which call; not the other persons of the same read).
    /// The network's reads are scanned page by page: exports are rare.
    /// </summary>
    public static async Task<IReadOnlyList<PersonalDataRecord>> RecordsOfAsync(IDocumentStore store, string networkId, string personId,
        CancellationToken cancellationToken)
    {
        var records = new List<PersonalDataRecord>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(Collection, networkId, Collection.Query().Page(PageSize, token), cancellationToken);
            records.AddRange(page.Items.Select(i => i.Document).Where(r => r.PersonIds.Contains(personId)).Select(r =>
                new PersonalDataRecord("contact_details_read", $"networks/{networkId}/contactReads/{r.Id}",
                    new ContactDetailsReadBy(r.ReadBy, r.ReaderPersonId, r.Via, r.ReadAt))));
            token = page.NextPageToken;
        }
        while (token is not null);
        return records;
    }
}

/// <summary>A read of the person's details as their export shows it.</summary>
public sealed record ContactDetailsReadBy(string ReadBy, string? ReaderPersonId, string Via, DateTimeOffset ReadAt);
