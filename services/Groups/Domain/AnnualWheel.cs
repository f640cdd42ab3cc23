using System.Text.Json.Serialization;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Groups.Domain;

/// <summary>One planned activity of the annual wheel (årshjul), in a month, working on measures, perhaps at a meeting.</summary>
public sealed record PlannedActivity(string Id, int Month, string Title, string Description, IReadOnlyList<string> MeasureIds,
    string? MeetingId);

/// <summary>A group's plan for one year: its activities per month. A task force keeps one per year of its mandate.</summary>
public sealed record AnnualWheel
{
    [JsonConstructor]
    private AnnualWheel()
    {
    }

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string GroupId { get; private init; } = "";

    [JsonInclude]
    public int Year { get; private init; }

    [JsonInclude]
    public IReadOnlyList<PlannedActivity> Activities { get; private init; } = [];

    [JsonInclude]
    public DateTimeOffset UpdatedAt { get; private init; }

    public static string DocumentId(string groupId, int year) => $"{groupId}:{year}";

    /// <summary>The wheel of a year nothing is planned for yet.</summary>
    public static AnnualWheel Empty(Group group, int year) =>
        new() { NetworkId = group.NetworkId, GroupId = group.Id, Year = year, UpdatedAt = group.UpdatedAt };

    /// <summary>Replaces the activities; measures must be of the same year (the caller passes the ones it found).</summary>
    public static AnnualWheel Plan(string networkId, Group group, int year, IReadOnlyList<PlannedActivity> activities,
        IReadOnlyCollection<Measure> linkedMeasures, DateTimeOffset at)
    {
        var errors = new Violations();
        if (year is < Measure.FirstYear or > Measure.LastYear)
        {
            errors.Add("year", $"Give the year of the wheel ({Measure.FirstYear}..{Measure.LastYear}).");
        }
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity.Month is < 1 or > 12)
            {
                errors.Add($"activities[{i}].month", "Give the month as 1 (January) .. 12 (December).");
            }
            if (string.IsNullOrWhiteSpace(activity.Title))
            {
                errors.Add($"activities[{i}].title", "Give the activity a title, e.g. \"Oppstartsmøte\".");
            }
            if (!Identifiers.IsValid(activity.Id))
            {
                errors.Add($"activities[{i}].activity_id", Identifiers.Rule);
            }
            foreach (var measureId in activity.MeasureIds)
            {
                var measure = linkedMeasures.FirstOrDefault(m => m.Id == measureId);
                if (measure is null)
                {
                    errors.Add($"activities[{i}].measure_ids",
                        $"There is no measure '{measureId}'; list the action plan's measures to find its id.");
                }
                else if (measure.Year != year)
                {
                    errors.Add($"activities[{i}].measure_ids", $"The measure '{measureId}' belongs to {measure.Year}, not {year}.");
                }
            }
        }
        foreach (var duplicate in activities.GroupBy(a => a.Id).Where(g => g.Count() > 1))
        {
            errors.Add("activities", $"The activity id '{duplicate.Key}' is used twice; give each activity its own id.");
        }
        errors.ThrowIfAny();
        if (group.IsClosed)
        {
            throw new RuleViolationException("GROUP_CLOSED", $"groups/{group.Id}",
                $"The group is {group.State}; its plans no longer change.");
        }
        return new AnnualWheel { NetworkId = networkId, GroupId = group.Id, Year = year, Activities = [.. activities.OrderBy(a => a.Month)],
            UpdatedAt = at };
    }
}
