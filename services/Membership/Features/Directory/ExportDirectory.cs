using System.Text;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Directory;

/// <summary>The secretariat's contact list of every active member: CSV (one row per representative) or vCard 4.0 (one card per representative).</summary>
public static class ExportDirectory
{
    public const int ChunkSize = 32 * 1024;

    public sealed record Export(string ContentType, string FileName, byte[] Content);

    public static async Task<Export> HandleAsync(MembershipContext context, Caller caller, V1.ExportDirectoryRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId);
        var format = validation.Enum("format", request.Format, f => f is V1.ExportFormat.Csv or V1.ExportFormat.Vcard ? f : (V1.ExportFormat?)null);
        validation.ThrowIfInvalid();
        Authorisation.EnsureSecretariat(caller, request.NetworkId);

        var entries = await DirectoryEntries.LoadAsync(context, request.NetworkId, cancellationToken);
        return format == V1.ExportFormat.Csv
            ? new Export("text/csv; charset=utf-8", $"{request.NetworkId}-directory.csv", Encoding.UTF8.GetBytes(Csv(entries)))
            : new Export("text/vcard; charset=utf-8", $"{request.NetworkId}-directory.vcf", Encoding.UTF8.GetBytes(VCards(entries)));
    }

    public static IEnumerable<V1.ExportDirectoryChunk> Chunks(Export export)
    {
        var offset = 0;
        do
        {
            var length = Math.Min(ChunkSize, export.Content.Length - offset);
            var chunk = new V1.ExportDirectoryChunk { Data = Google.Protobuf.ByteString.CopyFrom(export.Content, offset, length) };
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

    internal static string Csv(IReadOnlyList<DirectoryEntry> entries)
    {
        var csv = new StringBuilder("organisation_id,organisation,kind,representative_id,full_name,role,email,phone\r\n");
        foreach (var entry in entries)
        {
            var organisation = new[] { entry.Organisation.Id, entry.Organisation.DisplayName, ProtoMapping.EventName(entry.Organisation.Kind) };
            if (entry.Contacts.Count == 0)
            {
                csv.AppendJoin(',', organisation.Concat(["", "", "", "", ""]).Select(CsvField)).Append("\r\n");
            }
            foreach (var c in entry.Contacts)
            {
                csv.AppendJoin(',', organisation.Concat([c.Appointment.AppointmentId, c.Person.FullName, ProtoMapping.EventName(c.Appointment.Role), c.Person.Email, c.Person.Phone]).Select(CsvField))
                   .Append("\r\n");
            }
        }
        return csv.ToString();
    }

    internal static string VCards(IReadOnlyList<DirectoryEntry> entries)
    {
        var cards = new StringBuilder();
        foreach (var entry in entries)
        {
            foreach (var c in entry.Contacts)
            {
                cards.Append("BEGIN:VCARD\r\nVERSION:4.0\r\n");
                cards.Append("FN:").Append(VCardText(c.Person.FullName)).Append("\r\n");
                cards.Append("ORG:").Append(VCardText(entry.Organisation.DisplayName)).Append("\r\n");
                cards.Append("ROLE:").Append(c.Appointment.Role == Domain.RepresentativeRole.Deputy ? "Deputy representative" : "Representative").Append("\r\n");
                if (c.Person.Email.Length > 0)
                {
                    cards.Append("EMAIL:").Append(VCardText(c.Person.Email)).Append("\r\n");
                }
                if (c.Person.Phone.Length > 0)
                {
                    cards.Append("TEL;VALUE=uri:tel:").Append(c.Person.Phone.Replace(" ", "", StringComparison.Ordinal)).Append("\r\n");
                }
                cards.Append("UID:urn:networkplatform:").Append(entry.Organisation.NetworkId).Append(':').Append(c.Person.Id).Append("\r\n");
                cards.Append("END:VCARD\r\n");
            }
        }
        return cards.ToString();
    }

    /// <summary>
    /// RFC 4180: quote fields with commas, quotes or line breaks. Against spreadsheet formula injection a leading = or @,
    /// or + or - not followed by a digit (phone numbers are), is prefixed with '.
    /// </summary>
    private static string CsvField(string value)
    {
        if (value.Length > 0 && (value[0] is '=' or '@' || (value[0] is '+' or '-' && !(value.Length > 1 && char.IsAsciiDigit(value[1])))))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>RFC 6350 text values: escape backslash, comma, semicolon and newlines.</summary>
    private static string VCardText(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
