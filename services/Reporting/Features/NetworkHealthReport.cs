using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.V1;
using DomainRate = NetworkPlatform.Reporting.Domain.Rate;
using MeasureStatus = NetworkPlatform.Reporting.Domain.MeasureStatus;

namespace NetworkPlatform.Reporting.Features;

/// <summary>Network health for a year: attendance, drop-out, documentation, cadence, time invested, measures (001's risks, in numbers).</summary>
public static class NetworkHealthReport
{
    public static NetworkHealth Compute(string networkId, int year, NetworkFacts facts, DateTimeOffset now)
    {
        var period = ReportingPeriod.Year(year);
        var documentation = DocumentationFigures.Compute(facts.Groups);
        var measures = MeasureProgressFigures.Compute(facts.Measures, DateOnly.FromDateTime(now.UtcDateTime));
        var attendanceByGroup = AttendanceFigures.ByGroup(facts.Groups);
        var dropOut = DropOutFigures.Compute(facts.Participations, facts.Groups, period).ToDictionary(d => d.GroupId);
        var figuresByGroup = facts.Groups.ToDictionary(g => g.GroupId, StringComparer.Ordinal);

        var health = new NetworkHealth
        {
            NetworkId = networkId,
            Year = year,
            Attendance = ToRatio(AttendanceFigures.Overall(facts.Groups)),
            Documented = ToRatio(documentation.Documented),
            MinutesPublishedLate = documentation.PublishedLate,
            HeldMeetings = documentation.HeldMeetings,
            CadenceBreaches = facts.Groups.Sum(g => g.CadenceBreaches),
            MeasuresOnTrack = measures.Count(m => !m.IsLate && m.Status is MeasureStatus.OnTrack or MeasureStatus.Done),
            MeasuresLate = measures.Count(m => m.IsLate),
            ComputedAt = Timestamp.FromDateTimeOffset(now),
            EventsSeen = facts.EventsSeen,
        };
        if (documentation.MedianDaysToPublish is { } median)
        {
            health.MedianDaysToMinutes = median;
        }
        if (documentation.MaxDaysToPublish is { } max)
        {
            health.MaxDaysToMinutes = max;
        }

        var groupIds = attendanceByGroup.Keys.Union(dropOut.Keys).Union(facts.Groups.Where(g => g.CadenceBreaches > 0).Select(g
            => g.GroupId))
            .Union(measures.Where(m => m.GroupId is not null).Select(m => m.GroupId!))
            .Order(StringComparer.Ordinal);
        foreach (var groupId in groupIds)
        {
            var figures = figuresByGroup.GetValueOrDefault(groupId) ?? GroupYearFigures.Empty(groupId, year);
            var groupDropOut = dropOut.GetValueOrDefault(groupId);
            var groupMeasures = measures.Where(m => m.GroupId == groupId).ToList();
            var group = new GroupHealth
            {
                GroupId = groupId,
                Attendance = ToRatio(attendanceByGroup.GetValueOrDefault(groupId)),
                DropOut = ToRatio(groupDropOut?.Rate ?? default),
                HeldMeetings = figures.Held,
                Documented = ToRatio(new DomainRate(figures.WithMinutes, figures.Held)),
                CadenceBreaches = figures.CadenceBreaches,
                MeasuresOnTrack = groupMeasures.Count(m => !m.IsLate && m.Status is MeasureStatus.OnTrack or MeasureStatus.Done),
                MeasuresLate = groupMeasures.Count(m => m.IsLate),
            };
            if (groupDropOut is not null)
            {
                group.Left.AddRange(groupDropOut.Left);
                group.StoppedComing.AddRange(groupDropOut.StoppedComing);
            }
            health.Groups.Add(group);
        }

        var attendanceByOrganisation = AttendanceFigures.ByOrganisation(facts.Groups);
        var time = TimeInvestedFigures.Compute(facts.Appointments, facts.Groups, period).ToDictionary(t => t.OrganisationId);
        foreach (var organisationId in attendanceByOrganisation.Keys.Union(time.Keys).Order(StringComparer.Ordinal))
        {
            var invested = time.GetValueOrDefault(organisationId);
            health.Organisations.Add(new OrganisationHealth
            {
                OrganisationId = organisationId,
                Attendance = ToRatio(attendanceByOrganisation.GetValueOrDefault(organisationId)),
                HoursSetAside = (double)(invested?.HoursSetAside ?? 0),
                HoursInMeetings = (double)(invested?.HoursInMeetings ?? 0),
            });
        }
        foreach (var (personId, rate) in AttendanceFigures.ByPerson(facts.Groups).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            health.Persons.Add(new PersonAttendance { PersonId = personId, Attendance = ToRatio(rate) });
        }
        return health;
    }

    public static Ratio ToRatio(DomainRate rate)
    {
        var ratio = new Ratio { Numerator = rate.Numerator, Denominator = rate.Denominator };
        if (rate.Value is { } value)
        {
            ratio.Value = Math.Round(value, 4);
        }
        return ratio;
    }
}
