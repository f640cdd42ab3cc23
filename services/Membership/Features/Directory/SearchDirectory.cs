using System.Text;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.GroupLeadership;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Directory;

/// <summary>
/// Active members whose name, or a representative's name, contains the query; contact details only for callers
/// allowed to see the person's personal data. Members are read in id order, a store page at a time, and each call
/// examines at most <see cref="MaxExamined"/> of them: a query that matches few members returns short (even empty) pages
/// with a next_page_token rather than reading the whole directory in one call.
/// </summary>
public static class SearchDirectory
{
    public const int MaxExamined = 500;

    private const int ReadSize = 100;

    public static async Task<V1.SearchDirectoryResponse> HandleAsync(MembershipContext context, Caller caller, V1.SearchDirectoryRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).MaxLength("query", request.Query);
        OrganisationKind? kind = request.Kind == V1.OrganisationKind.Unspecified ? null : validation.Enum("kind", request.Kind, ProtoMapping.ToDomain);
        validation.ThrowIfInvalid();
        var pageSize = Paging.PageSize(request.PageSize);
        Authorisation.EnsureReader(caller, request.NetworkId);

        var query = request.Query.Trim();
        var matches = new List<DirectoryEntry>();
        var token = Paging.Token(request.PageToken);
        var examined = 0;
        do
        {
            // Without a query every member matches: read just what the page needs.
            var readSize = query.Length == 0 ? pageSize - matches.Count : Math.Min(ReadSize, MaxExamined - examined);
            var (entries, page) = await DirectoryEntries.PageAsync(context, request.NetworkId, kind, readSize, token, cancellationToken);
            for (var i = 0; i < entries.Count; i++)
            {
                examined++;
                if (Matches(entries[i], query))
                {
                    matches.Add(entries[i]);
                }
                if (matches.Count == pageSize || examined == MaxExamined)
                {
                    // Continue after the last member examined, unless it was the directory's last.
                    var next = i < entries.Count - 1 || page.NextPageToken is not null ? page.TokenAfter(i) : null;
                    return await RespondAsync(context, caller, request.NetworkId, matches, next, cancellationToken);
                }
            }
            token = page.NextPageToken;
        }
        while (token is not null);
        return await RespondAsync(context, caller, request.NetworkId, matches, null, cancellationToken);
    }

    private static bool Matches(DirectoryEntry entry, string query) =>
        query.Length == 0
        || entry.Organisation.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase)
        || entry.Contacts.Any(c => c.Person.FullName.Contains(query, StringComparison.OrdinalIgnoreCase));

    private static async Task<V1.SearchDirectoryResponse> RespondAsync(
        MembershipContext context, Caller caller, string networkId, List<DirectoryEntry> matches, string? nextPageToken,
            CancellationToken cancellationToken)
    {
        var viewer = await LedGroupMembers.ViewerAsync(context, caller, networkId, cancellationToken);
        var response = new V1.SearchDirectoryResponse { NextPageToken = nextPageToken ?? "" };
        foreach (var entry in matches)
        {
            var proto = new V1.DirectoryEntry { OrganisationId = entry.Organisation.Id, OrganisationName = entry.Organisation.DisplayName, Kind = ProtoMapping.ToProto(entry.Organisation.Kind) };
            foreach (var contact in entry.Contacts)
            {
                var visible = PersonalDataPolicy.MaySeePersonalData(viewer, contact.Person);
                proto.Contacts.Add(new V1.DirectoryContact
                {
                    RepresentativeId = contact.Appointment.AppointmentId,
                    PersonId = contact.Person.Id,
                    FullName = contact.Person.FullName,
                    Role = ProtoMapping.ToProto(contact.Appointment.Role),
                    Email = visible ? contact.Person.Email : "",
                    Phone = visible ? contact.Person.Phone : "",
                    PersonalDataRedacted = !visible,
                });
            }
            response.Entries.Add(proto);
        }
        return response;
    }
}
