using NetworkPlatform.Application;
using NetworkPlatform.Application.PersonalData;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.PersonalData;

/// <summary>The other services' sections of a person's export, each asked on behalf of the caller.</summary>
public interface IPeerPersonalData
{
    /// <summary>Membership's, groups' and meetings' sections; membership answers NOT_FOUND for a person it does not know.</summary>
    Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string networkId, string personId, CancellationToken cancellationToken);
}

/// <summary>An event in reporting's log that names the person.</summary>
public sealed record LoggedEventReference(Guid EventId, string Type, string AggregateId, DateTimeOffset OccurredAt);

/// <summary>
/// Everything the platform holds about a person: membership's, groups' and meetings' sections (asked on behalf of the
/// caller, so each service applies the same rule), then reporting's own (the facts naming the person, the logged events
/// mentioning them and the earlier exports), and a record of this export (who, when).
/// </summary>
public sealed class ExportPersonalData(ReportingContext context, IPeerPersonalData peers)
    : IUseCase<ExportPersonalDataQuery, PersonalDataExport>
{
    private const int PageSize = 500;

    public void Authorize(ExportPersonalDataQuery query, Caller caller) => PersonalDataExports.Authorize(query, caller);

    public void Validate(ExportPersonalDataQuery query, Violations violations) => PersonalDataExports.Validate(query, violations);

    public async Task<PersonalDataExport> HandleAsync(ExportPersonalDataQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var sections = new List<PersonalDataSection>(await peers.ExportAsync(query.NetworkId, query.PersonId, cancellationToken));
        var records = await OwnRecordsAsync(query.NetworkId, query.PersonId, cancellationToken);

        var export = new PersonalDataExportRecord(Guid.NewGuid().ToString("N"), query.PersonId, caller.Subject, context.Now);
        await using (var unit = await context.Store.BeginAsync(cancellationToken))
        {
            await unit.InsertAsync(ReportingCollections.PersonalDataExports, query.NetworkId, export, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }
        records.Add(ExportRecord(query.NetworkId, export));
        sections.Add(new PersonalDataSection("reporting", records));
        return new PersonalDataExport(query.NetworkId, query.PersonId, export.ExportedAt, sections);
    }

    private async Task<List<PersonalDataRecord>> OwnRecordsAsync(string network, string personId, CancellationToken ct)
    {
        var store = context.Store;
        var records = new List<PersonalDataRecord>();
        if (await store.GetAsync(ReportingCollections.Affiliations, network, personId, ct) is { } affiliation)
        {
            records.Add(new("affiliation", $"networks/{network}/affiliations/{personId}", affiliation.Document));
        }
        var participations = await store.ReadAllAsync(ReportingCollections.Participations, network,
            new DocumentQuery<ParticipationFact>().Where(p => p.PersonId, personId), ct);
        records.AddRange(participations.Select(p =>
            new PersonalDataRecord("group_participation", $"networks/{network}/groups/{p.GroupId}/participants/{personId}", p)));
        records.AddRange((await store.ReadAllAsync(ReportingCollections.Appointments, network,
                new DocumentQuery<AppointmentFact>().Where(a => a.PersonId, personId), ct))
            .Select(a => new PersonalDataRecord("appointment", $"networks/{network}/representatives/{a.RepresentativeId}", a)));
        foreach (var groupId in participations.Select(p => p.GroupId).Distinct())
        {
            var marks = await store.ReadAllAsync(ReportingCollections.AttendanceMarks, network,
                new DocumentQuery<AttendanceMark>().Where(m => m.GroupId, groupId).Where(m => m.PersonId, personId).OrderBy(m => m.Year),
                ct);
            records.AddRange(marks.Select(m => new PersonalDataRecord("attendance", $"networks/{network}/attendance/{m.MarkId}", m)));
        }
        // An event often names several people (a meeting's attendance): the export says which are kept, not their contents.
        records.AddRange((await LoggedEventsNamingAsync(network, personId, ct))
            .Select(e => new PersonalDataRecord("logged_event", $"networks/{network}/events/{e.LogId}",
                new LoggedEventReference(e.EventId, e.TypeName, e.AggregateId, e.OccurredAt))));
        records.AddRange((await store.ReadAllAsync(ReportingCollections.PersonalDataExports, network,
                new DocumentQuery<PersonalDataExportRecord>().Where(r => r.PersonId, personId), ct))
            .Select(r => ExportRecord(network, r)));
        return records;
    }

    /// <summary>
    /// The logged events whose payload names the person (as a JSON string value). The log keeps every event and has no
    /// index by person: one pass over the network's log, page by page.
    /// </summary>
    private async Task<List<LoggedEvent>> LoggedEventsNamingAsync(string network, string personId, CancellationToken ct)
    {
        var quoted = System.Text.Json.JsonSerializer.Serialize(personId);
        var found = new List<LoggedEvent>();
        string? token = null;
        do
        {
            var page = await context.Store.QueryAsync(ReportingCollections.EventLog, network,
                new DocumentQuery<LoggedEvent>().Page(PageSize, token), ct);
            found.AddRange(page.Items.Select(i => i.Document).Where(e => e.PayloadJson.Contains(quoted, StringComparison.Ordinal)));
            token = page.NextPageToken;
        }
        while (token is not null);
        return found;
    }

    private static PersonalDataRecord ExportRecord(string network, PersonalDataExportRecord record) =>
        new("personal_data_export", $"networks/{network}/personalDataExports/{record.PersonId}/{record.ExportId}", record);
}
