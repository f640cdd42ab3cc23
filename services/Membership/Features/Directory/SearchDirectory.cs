using System.Text;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.GroupLeadership;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Directory;

/// <summary>
/// Active members whose name, or a representative's name, contains the query; contact details only for callers
/// allowed to see the person's personal data. The page token is the last organisation id of the previous page.
/// </summary>
public static class SearchDirectory
{
    public static async Task<V1.SearchDirectoryResponse> HandleAsync(MembershipContext context, Caller caller, V1.SearchDirectoryRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).MaxLength("query", request.Query);
        OrganisationKind? kind = request.Kind == V1.OrganisationKind.Unspecified ? null : validation.Enum("kind", request.Kind, ProtoMapping.ToDomain);
        var after = DecodeToken(validation, request.PageToken);
        validation.ThrowIfInvalid();
        var pageSize = Paging.PageSize(request.PageSize);
        Authorisation.EnsureReader(caller, request.NetworkId);

        var query = request.Query.Trim();
        var matches = (await DirectoryEntries.LoadAsync(context, request.NetworkId, kind, cancellationToken))
            .Where(e => after is null || string.CompareOrdinal(e.Organisation.Id, after) > 0)
            .Where(e => query.Length == 0
                || e.Organisation.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase)
                || e.Contacts.Any(c => c.Person.FullName.Contains(query, StringComparison.OrdinalIgnoreCase)))
            .Take(pageSize + 1)
            .ToList();

        var viewer = await LedGroupMembers.ViewerAsync(context.Store, caller, request.NetworkId, cancellationToken);
        var response = new V1.SearchDirectoryResponse();
        foreach (var entry in matches.Take(pageSize))
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
        if (matches.Count > pageSize)
        {
            response.NextPageToken = Convert.ToBase64String(Encoding.UTF8.GetBytes(matches[pageSize - 1].Organisation.Id));
        }
        return response;
    }

    private static string? DecodeToken(Validation validation, string token)
    {
        if (token.Length == 0)
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            validation.Add("page_token", "Not a page token from this service; send next_page_token exactly as received, or leave it empty for the first page.");
            return null;
        }
    }
}
