using System.Text;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.PersonalData;

namespace NetworkPlatform.Membership.Features.Directory;

public enum ExportFormat
{
    Csv,
    VCard,
}

public sealed record ExportDirectoryQuery(string NetworkId, Choice<ExportFormat> Format) : INetworkRequest;

/// <summary>A file to hand out: its media type, its name and its bytes.</summary>
public sealed record DirectoryExport(string ContentType, string FileName, byte[] Content);

/// <summary>
/// The secretariat's contact list of every active member: CSV (one row per representative) or vCard 4.0 (one card per
/// representative).
/// </summary>
public sealed class ExportDirectory(MembershipContext context) : IUseCase<ExportDirectoryQuery, DirectoryExport>
{
    public void Authorize(ExportDirectoryQuery query, Caller caller) => Authorisation.EnsureSecretariat(caller);

    public void Validate(ExportDirectoryQuery query, Violations violations) => violations.Choice("format", query.Format);

    public async Task<DirectoryExport> HandleAsync(ExportDirectoryQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var entries = await DirectoryEntries.LoadAsync(context, query.NetworkId, cancellationToken);
        await MembershipContactReads.RecordAsync(context, PersonalDataViewer.Of(caller), query.NetworkId, "ExportDirectory",
            entries.SelectMany(e => e.Contacts).Select(c => c.Person), cancellationToken);
        return query.Format.Value == ExportFormat.Csv
            ? new DirectoryExport("text/csv; charset=utf-8", $"{query.NetworkId}-directory.csv", Encoding.UTF8.GetBytes(Csv(entries)))
            : new DirectoryExport("text/vcard; charset=utf-8", $"{query.NetworkId}-directory.vcf", Encoding.UTF8.GetBytes(VCards(entries)));
    }

    internal static string Csv(IReadOnlyList<DirectoryEntry> entries)
    {
        var csv = new StringBuilder("organisation_id,organisation,kind,representative_id,full_name,role,email,phone\r\n");
        foreach (var entry in entries)
        {
            var organisation = new[] { entry.Organisation.Id, entry.Organisation.DisplayName, ExportNames.Of(entry.Organisation.Kind) };
            if (entry.Contacts.Count == 0)
            {
                csv.AppendJoin(',', organisation.Concat(["", "", "", "", ""]).Select(CsvField)).Append("\r\n");
            }
            foreach (var c in entry.Contacts)
            {
                csv.AppendJoin(',', organisation.Concat([c.Appointment.Id, c.Person.FullName, ExportNames.Of(c.Appointment.Role),
                    c.Person.Email, c.Person.Phone]).Select(CsvField))
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
                var role = c.Appointment.Role == Domain.RepresentativeRole.Deputy ? "Deputy representative" : "Representative";
                cards.Append("ROLE:").Append(role).Append("\r\n");
                if (c.Person.Email.Length > 0)
                {
                    cards.Append("EMAIL:").Append(VCardText(c.Person.Email)).Append("\r\n");
                }
                if (c.Person.Phone.Length > 0)
                {
                    cards.Append("TEL;VALUE=uri:tel:").Append(c.Person.Phone.Replace(" ", "", StringComparison.Ordinal)).Append("\r\n");
                }
                cards.Append("UID:urn:networkplatform:").Append(entry.Organisation.NetworkId).Append(':').Append(c.Person.Id)
                    .Append("\r\n");
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
        .Replace(";", "\\;", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n",
            StringComparison.Ordinal);
}
