using NetworkPlatform.Events;

namespace NetworkPlatform.Reporting.Domain;

// The facts the reporting service keeps, built from the other services' events and its own commands.
// Each is a document in the reporting database; every figure is computed from them.

public enum AttendanceStatus
{
    Present,
    Absent,
    Excused,
}

public enum MeetingState
{
    Planned,
    Held,
    Cancelled,
}

public sealed record AttendanceEntry(string PersonId, string OrganisationId, AttendanceStatus Status);

public sealed record MeetingFact(
    string NetworkId,
    string MeetingId,
    string GroupId,
    string Kind,
    DateTimeOffset StartsAt,
    TimeSpan Duration,
    MeetingState State,
    IReadOnlyList<AttendanceEntry> Attendance,
    DateTimeOffset? MinutesPublishedAt,
    int DecisionCount);

/// <summary>
/// A person's time in a group: from joining until leaving (open when still in). External participants (invited experts,
/// state actors: they represent no member) are not members: attendance and drop-out leave them out.
/// </summary>
public sealed record ParticipationFact(string NetworkId, string GroupId, string PersonId, string OrganisationId, DateTimeOffset JoinedAt,
    DateTimeOffset? LeftAt, bool External = false);

/// <summary>A formal appointment of a person by an organisation, with the time set aside for the work.</summary>
public sealed record AppointmentFact(string NetworkId, string RepresentativeId, string PersonId, string OrganisationId,
    decimal HoursPerMonth, DateOnly Start, DateOnly? End);

public sealed record ProgressReport(string ReportId, DateOnly PeriodStart, DateOnly PeriodEnd, MeasureStatus Status, int Percent,
    string Narrative, string SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>A measure (tiltak) of the action plan; sub-measures point at their parent and weigh into its progress.</summary>
public sealed record MeasureFact(
    string NetworkId,
    string MeasureId,
    string Title,
    int Year,
    string? GroupId,
    string? ParentMeasureId,
    decimal Weight,
    DateOnly? DueDate,
    IReadOnlyList<ProgressReport> Reports)
{
    /// <summary>The measure with a progress report (a report of the same id again replaces it).</summary>
    public MeasureFact Report(ProgressReport report) =>
        this with { Reports = [.. Reports.Where(r => r.ReportId != report.ReportId), report] };
}

/// <summary>A cadence requirement a group missed (from the meetings service's CadenceBreached).</summary>
public sealed record CadenceBreachFact(string NetworkId, string BreachId, string GroupId, int Year, string Requirement,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd);

/// <summary>Which organisation a person acts for, learnt from appointments and group participation (attendance events carry only the
/// person).</summary>
public sealed record PersonAffiliation(string NetworkId, string PersonId, string OrganisationId);

/// <summary>
/// A group of the network, as the groups service announced it (GroupProposed): what reporting requests may name. Only what
/// never changes is kept (names change without an event), so the copy cannot go stale.
/// </summary>
public sealed record GroupFact(string NetworkId, string GroupId, string Kind);

/// <summary>An organisation of the network, as the membership service announced it (OrganisationRegistered).</summary>
public sealed record OrganisationFact(string NetworkId, string OrganisationId);
