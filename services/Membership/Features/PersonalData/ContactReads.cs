using NetworkPlatform.Application;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.PersonalData;

/// <summary>Records reads of contact details: one document per call, however many persons the answer shows.</summary>
public static class ContactReads
{
    /// <summary>
    /// Records which of <paramref name="shown"/> had their e-mail or phone shown to a secretariat member or a group leader
    /// other than themself (as <see cref="PersonalDataPolicy"/> decides for the answer). Nothing for other callers.
    /// </summary>
    public static async Task RecordAsync(MembershipContext context, PersonalDataViewer viewer, string networkId, string via,
        IEnumerable<Person> shown, CancellationToken cancellationToken)
    {
        var caller = viewer.Caller;
        if (!caller.HasAnyRole(Roles.Secretariat, Roles.GroupLeader))
        {
            return;
        }
        var read = shown.Where(p => p.Id != caller.PersonId && (p.Email.Length > 0 || p.Phone.Length > 0)
                && PersonalDataPolicy.MaySeePersonalData(viewer, p))
            .Select(p => p.Id).Distinct().ToList();
        if (read.Count == 0)
        {
            return;
        }
        await using var unit = await context.Store.BeginAsync(cancellationToken);
        await unit.InsertAsync(MembershipCollections.ContactReads, networkId,
            new ContactDetailsRead(Guid.CreateVersion7().ToString("N"), caller.Subject, caller.PersonId, via, context.Now, read),
            cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The reads that showed the person's details. The record has no index by person (a read lists many): the network's
    /// reads are scanned page by page, as an export is rare.
    /// </summary>
    public static async Task<List<ContactDetailsRead>> OfAsync(MembershipContext context, string networkId, string personId,
        CancellationToken cancellationToken)
    {
        var found = new List<ContactDetailsRead>();
        string? token = null;
        do
        {
            var page = await context.Store.QueryAsync(MembershipCollections.ContactReads, networkId,
                MembershipCollections.ContactReads.Query().Page(500, token), cancellationToken);
            found.AddRange(page.Items.Select(i => i.Document).Where(r => r.PersonIds.Contains(personId)));
            token = page.NextPageToken;
        }
        while (token is not null);
        return found;
    }
}
