using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.GroupLeadership;
using NetworkPlatform.Membership.Features.PersonalData;

namespace NetworkPlatform.Membership.Features.Directory;

/// <param name="Kind">Only members of this kind; null for every kind.</param>
public sealed record SearchDirectoryQuery(string NetworkId, string Query, Choice<OrganisationKind>? Kind, int PageSize, string PageToken)
    : INetworkRequest;

/// <summary>The matching members, and who is looking (contact details are shown only as <see cref="PersonalDataPolicy"/> allows).</summary>
public sealed record DirectoryPage(IReadOnlyList<DirectoryEntry> Entries, string? NextPageToken, PersonalDataViewer Viewer);

/// <summary>
/// Active members whose name, or a representative's name, contains the query; contact details only for callers
/// allowed to see the person's personal data. Members are read in id order, a store page at a time, and each call
/// examines at most <see cref="MaxExamined"/> of them: a query that matches few members returns short (even empty) pages
/// with a next_page_token rather than reading the whole directory in one call. Any caller of the network searches.
/// </summary>
public sealed class SearchDirectory(MembershipContext context) : IUseCase<SearchDirectoryQuery, DirectoryPage>
{
    public const int MaxExamined = 500;

    private const int ReadSize = 100;

    public void Authorize(SearchDirectoryQuery query, Caller caller)
    {
    }

    public void Validate(SearchDirectoryQuery query, Violations violations)
    {
        violations.Text("query", query.Query);
        if (query.Kind is { } kind)
        {
            violations.Choice("kind", kind);
        }
        violations.PageSize("page_size", query.PageSize);
    }

    public async Task<DirectoryPage> HandleAsync(SearchDirectoryQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var (text, pageSize, kind) = (query.Query.Trim(), Paging.Size(query.PageSize), query.Kind?.Value);
        var matches = new List<DirectoryEntry>();
        var token = Paging.Token(query.PageToken);
        var examined = 0;
        do
        {
            // Without a query every member matches: read just what the page needs.
            var readSize = text.Length == 0 ? pageSize - matches.Count : Math.Min(ReadSize, MaxExamined - examined);
            var (entries, page) = await DirectoryEntries.PageAsync(context, query.NetworkId, kind, readSize, token, cancellationToken);
            for (var i = 0; i < entries.Count; i++)
            {
                examined++;
                if (Matches(entries[i], text))
                {
                    matches.Add(entries[i]);
                }
                if (matches.Count == pageSize || examined == MaxExamined)
                {
                    // Continue after the last member examined, unless it was the directory's last.
                    var next = i < entries.Count - 1 || page.NextPageToken is not null ? page.TokenAfter(i) : null;
                    return await PageAsync(caller, query.NetworkId, matches, next, cancellationToken);
                }
            }
            token = page.NextPageToken;
        }
        while (token is not null);
        return await PageAsync(caller, query.NetworkId, matches, null, cancellationToken);
    }

    private static bool Matches(DirectoryEntry entry, string query) =>
        query.Length == 0
        || entry.Organisation.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase)
        || entry.Contacts.Any(c => c.Person.FullName.Contains(query, StringComparison.OrdinalIgnoreCase));

    private async Task<DirectoryPage> PageAsync(Caller caller, string networkId, List<DirectoryEntry> matches, string? nextPageToken,
        CancellationToken cancellationToken)
    {
        var viewer = await LedGroupMembers.ViewerAsync(context, caller, networkId, cancellationToken);
        await MembershipContactReads.RecordAsync(context, viewer, networkId, "SearchDirectory",
            matches.SelectMany(e => e.Contacts).Select(c => c.Person), cancellationToken);
        return new(matches, nextPageToken, viewer);
    }
}
