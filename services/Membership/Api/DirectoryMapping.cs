using Google.Protobuf;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.Directory;
using V1 = NetworkPlatform.Membership.V1;
using static NetworkPlatform.Membership.Api.MembershipMapping;

namespace NetworkPlatform.Membership.Api;

/// <summary>networkplatform.membership.v1 directory &lt;-&gt; the directory use cases' records.</summary>
internal static class DirectoryMapping
{
    /// <summary>The size of an export's chunks on the stream.</summary>
    public const int ChunkSize = 32 * 1024;

    public static SearchDirectoryQuery ToQuery(V1.SearchDirectoryRequest request) => new(request.NetworkId, request.Query,
        FilterOf<V1.OrganisationKind, OrganisationKind>(request.Kind, ToDomain), request.PageSize, request.PageToken);

    public static ExportDirectoryQuery ToQuery(V1.ExportDirectoryRequest request) =>
        new(request.NetworkId, ChoiceOf<V1.ExportFormat, ExportFormat>(request.Format, FormatOf));

    /// <summary>Contact details only where <see cref="PersonalDataPolicy"/> lets the viewer see them.</summary>
    public static V1.SearchDirectoryResponse ToProto(DirectoryPage page)
    {
        var response = new V1.SearchDirectoryResponse { NextPageToken = page.NextPageToken ?? "" };
        foreach (var entry in page.Entries)
        {
            var proto = new V1.DirectoryEntry
            {
                OrganisationId = entry.Organisation.Id,
                OrganisationName = entry.Organisation.DisplayName,
                Kind = MembershipMapping.ToProto(entry.Organisation.Kind),
            };
            foreach (var contact in entry.Contacts)
            {
                var visible = PersonalDataPolicy.MaySeePersonalData(page.Viewer, contact.Person);
                proto.Contacts.Add(new V1.DirectoryContact
                {
                    RepresentativeId = contact.Appointment.Id,
                    PersonId = contact.Person.Id,
                    FullName = contact.Person.FullName,
                    Role = MembershipMapping.ToProto(contact.Appointment.Role),
                    Email = visible ? contact.Person.Email : "",
                    Phone = visible ? contact.Person.Phone : "",
                    PersonalDataRedacted = !visible,
                });
            }
            response.Entries.Add(proto);
        }
        return response;
    }

    /// <summary>The export as the stream sends it: chunks of at most <see cref="ChunkSize"/>, the first with type and file name.</summary>
    public static IEnumerable<V1.ExportDirectoryChunk> Chunks(DirectoryExport export)
    {
        var offset = 0;
        do
        {
            var length = Math.Min(ChunkSize, export.Content.Length - offset);
            var chunk = new V1.ExportDirectoryChunk { Data = ByteString.CopyFrom(export.Content, offset, length) };
            if (offset == 0)
            {
                chunk.ContentType = export.ContentType;
                chunk.FileName = export.FileName;
            }
            yield return chunk;
            offset += length;
        }
        while (offset < export.Content.Length);
    }

    private static ExportFormat? FormatOf(V1.ExportFormat format) => format switch
    {
        V1.ExportFormat.Csv => ExportFormat.Csv,
        V1.ExportFormat.Vcard => ExportFormat.VCard,
        _ => null,
    };
}
