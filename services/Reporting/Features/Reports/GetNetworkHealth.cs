using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Reporting.Domain;

namespace NetworkPlatform.Reporting.Features.Reports;

public sealed record GetNetworkHealthQuery(string NetworkId, int Year) : INetworkRequest;

/// <summary>Network health for a year: attendance, drop-out, documentation, cadence, time invested, measures (001's risks, in
/// numbers).</summary>
public sealed class GetNetworkHealth(ReportingContext context, ReportingQueries queries) : IUseCase<GetNetworkHealthQuery,
    NetworkHealthFigures>
{
    // Anyone of the network may read it (the dashboard's readers too).
    public void Authorize(GetNetworkHealthQuery query, Caller caller)
    {
    }

    public void Validate(GetNetworkHealthQuery query, Violations violations) => violations.Year("year", query.Year);

    public async Task<NetworkHealthFigures> HandleAsync(GetNetworkHealthQuery query, Caller caller, CancellationToken cancellationToken) =>
        NetworkHealthFigures.Compute(query.NetworkId, query.Year, await queries.LoadAsync(query.NetworkId, query.Year, cancellationToken),
            context.Now);
}

public sealed record GroupHealthFigures(string GroupId, Rate Attendance, Rate DropOut, int HeldMeetings, Rate Documented,
    int CadenceBreaches,
    int MeasuresOnTrack, int MeasuresLate, IReadOnlyList<string> Left, IReadOnlyList<string> StoppedComing);

public sealed record OrganisationHealthFigures(string OrganisationId, Rate Attendance, decimal HoursSetAside, decimal HoursInMeetings);

public sealed record PersonAttendanceFigure(string PersonId, Rate Attendance);

/// <summary>A network's health figures of a year, overall and per group, organisation and person.</summary>
public sealed record NetworkHealthFigures(
    string NetworkId,
    int Year,
    Rate Attendance,
    Rate Documented,
    int MinutesPublishedLate,
    double? MedianDaysToMinutes,
    double? MaxDaysToMinutes,
    int HeldMeetings,
    int CadenceBreaches,
    int MeasuresOnTrack,
    int MeasuresLate,
    DateTimeOffset ComputedAt,
    long EventsSeen,
    IReadOnlyList<GroupHealthFigures> Groups,
    IReadOnlyList<OrganisationHealthFigures> Organisations,
    IReadOnlyList<PersonAttendanceFigure> Persons)
{
    public static NetworkHealthFigures Compute(string networkId, int year, NetworkFacts facts, DateTimeOffset now)
    {
        var period = ReportingPeriod.Year(year);
        var documentation = DocumentationFigures.Compute(facts.Groups);
        var measures = MeasureProgressFigures.Compute(facts.Measures, DateOnly.FromDateTime(now.UtcDateTime));
        var attendanceByGroup = AttendanceFigures.ByGroup(facts.Groups);
        var dropOut = DropOutFigures.Compute(facts.Participations, facts.Groups, period).ToDictionary(d => d.GroupId);
        var figuresByGroup = facts.Groups.ToDictionary(g => g.GroupId, StringComparer.Ordinal);

        var groupIds = attendanceByGroup.Keys.Union(dropOut.Keys)
            .Union(facts.Groups.Where(g => g.CadenceBreaches > 0).Select(g => g.GroupId))
            .Union(measures.Where(m => m.GroupId is not null).Select(m => m.GroupId!))
            .Order(StringComparer.Ordinal);
        var groups = groupIds.Select(groupId =>
        {
            var figures = figuresByGroup.GetValueOrDefault(groupId) ?? GroupYearFigures.Empty(groupId, year);
            var groupDropOut = dropOut.GetValueOrDefault(groupId);
            var groupMeasures = measures.Where(m => m.GroupId == groupId).ToList();
            return new GroupHealthFigures(groupId, attendanceByGroup.GetValueOrDefault(groupId), groupDropOut?.Rate ?? default,
                figures.Held, new Rate(figures.WithMinutes, figures.Held), figures.CadenceBreaches, OnTrack(groupMeasures),
                groupMeasures.Count(m => m.IsLate),
                groupDropOut?.Left ?? [], groupDropOut?.StoppedComing ?? []);
        }).ToList();

        var attendanceByOrganisation = AttendanceFigures.ByOrganisation(facts.Groups);
        var time = TimeInvestedFigures.Compute(facts.Appointments, facts.Groups, period).ToDictionary(t => t.OrganisationId);
        var organisations = attendanceByOrganisation.Keys.Union(time.Keys).Order(StringComparer.Ordinal).Select(organisationId =>
        {
            var invested = time.GetValueOrDefault(organisationId);
            return new OrganisationHealthFigures(organisationId, attendanceByOrganisation.GetValueOrDefault(organisationId),
                invested?.HoursSetAside ?? 0, invested?.HoursInMeetings ?? 0);
        }).ToList();
        var persons = AttendanceFigures.ByPerson(facts.Groups).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new PersonAttendanceFigure(p.Key, p.Value)).ToList();

        return new NetworkHealthFigures(networkId, year, AttendanceFigures.Overall(facts.Groups), documentation.Documented,
            documentation.PublishedLate, documentation.MedianDaysToPublish, documentation.MaxDaysToPublish, documentation.HeldMeetings,
            facts.Groups.Sum(g => g.CadenceBreaches), OnTrack(measures), measures.Count(m => m.IsLate), now, facts.EventsSeen,
            groups, organisations, persons);
    }

    private static int OnTrack(IEnumerable<MeasureProgressFigure> measures) =>
        measures.Count(m => !m.IsLate && m.Status is MeasureStatus.OnTrack or MeasureStatus.Done);
}
