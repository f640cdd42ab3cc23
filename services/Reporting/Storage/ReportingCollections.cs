using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Storage;

/// <summary>
/// An event as the reporting service received or produced it: the log every projection can be rebuilt from and every
/// consumer can replay. <see cref="Position"/> is its place in the network's log (1, 2, 3, ... in commit order, no gaps);
/// <see cref="PayloadJson"/> is the event as the broker message's "message" carries it.
/// </summary>
public sealed record LoggedEvent(string LogId, Guid EventId, string Kind, string TypeName, string AggregateId, long AggregateVersion,
    DateTimeOffset OccurredAt, string PayloadJson, long Position, string NetworkId, string AggregateType)
{
    /// <summary>The document id: one per event, whatever position it got, so a second copy of an event is found and dropped.</summary>
    public static string IdFor(Guid eventId, DateTimeOffset occurredAt) => $"{occurredAt.UtcTicks:D19}-{eventId:N}";
}

/// <summary>One export of a person's data: who asked (the token's subject), when.</summary>
public sealed record PersonalDataExportRecord(string ExportId, string PersonId, string ExportedBy, DateTimeOffset ExportedAt);

/// <summary>
/// What a create with a request_id produced, as the service kept it before <c>IdempotencyKeys</c> (read only, so a retry
/// sent across the upgrade gets its first result; none is written any more, and after a day none is needed).
/// </summary>
public sealed record CompletedRequest(string RequestId, string ResultId)
{
    public static string IdFor(string operation, string requestId) => $"{operation}:{requestId}";
}

/// <summary>The reporting database: its read models (facts) and its event log.</summary>
public static class ReportingCollections
{
    /// <summary>A group's meetings: its held ones of a year in order (the annual report's list), all of a year (its page).</summary>
    public static readonly DocumentCollection<MeetingFact> Meetings = new DocumentCollection<MeetingFact>("meetings", m => m.MeetingId)
        .WithIndex("group_state_start", m => m.GroupId, m => m.State, m => m.StartsAt)
        .WithIndex("group_start", m => m.GroupId, m => m.StartsAt);

    /// <summary>The figures of each group's year, kept with every change to its held meetings; health reads a year's.</summary>
    public static readonly DocumentCollection<GroupYearFigures> GroupYears = new DocumentCollection<GroupYearFigures>("group_years",
        f => f.Id)
        .WithIndex("year", f => f.Year);

    /// <summary>Attendance per person and held meeting: a person's latest marks in a group's year, newest first.</summary>
    public static readonly DocumentCollection<AttendanceMark> AttendanceMarks = new DocumentCollection<AttendanceMark>("attendance_marks",
        m => m.MarkId)
        .WithIndex("group_person_year_start", m => m.GroupId, m => m.PersonId, m => m.Year, m => m.StartsAt);

    /// <summary>One document per person and group: a re-join after leaving starts a new stint in place of the old one.</summary>
    public static readonly DocumentCollection<ParticipationFact> Participations = new DocumentCollection<ParticipationFact>(
            "participations", p => ParticipationId(p.GroupId, p.PersonId))
        .WithIndex("person", p => p.PersonId);

    public static readonly DocumentCollection<AppointmentFact> Appointments =
        new DocumentCollection<AppointmentFact>("appointments", a => a.RepresentativeId).WithIndex("person", a => a.PersonId);

    public static readonly DocumentCollection<PersonAffiliation> Affiliations = new("affiliations", a => a.PersonId);

    public static readonly DocumentCollection<MeasureFact> Measures = new DocumentCollection<MeasureFact>("measures", m => m.MeasureId)
        .WithIndex("year", m => m.Year)
        .WithIndex("group_id", m => m.GroupId);

    public static readonly DocumentCollection<IndicatorFact> Indicators = new DocumentCollection<IndicatorFact>("indicators",
        i => i.IndicatorId).WithIndex("measure_id", i => i.MeasureId);

    public static readonly DocumentCollection<GroupAccounts> Accounts = new DocumentCollection<GroupAccounts>("accounts",
        a => AccountsId(a.GroupId, a.Year)).WithIndex("year", a => a.Year);

    public static readonly DocumentCollection<LearningActivity> Learning = new("learning", a => a.ActivityId);

    public static readonly DocumentCollection<CadenceBreachFact> CadenceBreaches =
        new DocumentCollection<CadenceBreachFact>("cadence_breaches", b => b.BreachId).WithIndex("year", b => b.Year);

    /// <summary>The groups and organisations of each network, copied from their owners' events, to check the ids requests name.</summary>
    public static readonly DocumentCollection<GroupFact> Groups = new("groups", g => g.GroupId);

    public static readonly DocumentCollection<OrganisationFact> Organisations = new("organisations", o => o.OrganisationId);

    /// <summary>Read in position order (replay, rebuild); the time index finds where a replay from a time starts.</summary>
    public static readonly DocumentCollection<LoggedEvent> EventLog = new DocumentCollection<LoggedEvent>("event_log", e => e.LogId)
        .WithIndex("position", e => e.Position)
        .WithIndex("occurred_at", e => e.OccurredAt);

    public static readonly DocumentCollection<CompletedRequest> Requests = new("requests", r => r.RequestId);

    /// <summary>Who exported whose personal data, when: kept through rebuilds (not a projection), listed in the person's export.</summary>
    public static readonly DocumentCollection<PersonalDataExportRecord> PersonalDataExports =
        new DocumentCollection<PersonalDataExportRecord>("personal_data_exports", r => r.ExportId).WithIndex("person", r => r.PersonId);

    /// <summary>Every collection, for the migration that creates their indexes.</summary>
    public static IReadOnlyCollection<IDocumentCollection> All { get; } =
        [Meetings, GroupYears, AttendanceMarks, Participations, Appointments, Affiliations, Measures, Indicators, Accounts, Learning,
            CadenceBreaches, Groups, Organisations, EventLog, Requests, PersonalDataExports];

    public static string AccountsId(string groupId, int year) => GroupAccounts.IdFor(groupId, year);

    public static string ParticipationId(string groupId, string personId) => $"{groupId}/{personId}";
}
