using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Validation;
using System.Text.Json.Serialization;
using NetworkPlatform.Events;

namespace NetworkPlatform.Groups.Domain;

public sealed record Milestone(string Id, string Title, DateOnly? DueDate, DateTimeOffset? ReachedAt, string? ReachedBy)
{
    [JsonIgnore]
    public bool IsReached => ReachedAt is not null;
}

/// <summary>A measure (tiltak) of the network's action plan for one year; a sub-measure names its parent.</summary>
public sealed record Measure
{
    [JsonConstructor]
    private Measure()
    {
    }

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string Id { get; private init; } = "";

    [JsonInclude]
    public int Year { get; private init; }

    [JsonInclude]
    public string Title { get; private init; } = "";

    [JsonInclude]
    public string Description { get; private init; } = "";

    [JsonInclude]
    public string? ParentMeasureId { get; private init; }

    [JsonInclude]
    public string? GroupId { get; private init; }

    [JsonInclude]
    public MeasureStatus Status { get; private init; }

    [JsonInclude]
    public IReadOnlyList<Milestone> Milestones { get; private init; } = [];

    [JsonInclude]
    public DateTimeOffset CreatedAt { get; private init; }

    [JsonInclude]
    public DateTimeOffset UpdatedAt { get; private init; }

    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    [JsonIgnore]
    public bool IsSubMeasure => ParentMeasureId is not null;

    public static Measure Create(string networkId, string id, int year, string title, string description, Measure? parent,
        IReadOnlyList<Milestone> milestones, DateTimeOffset at)
    {
        var errors = new Violations();
        if (year is < FirstYear or > LastYear)
        {
            errors.Add("year", $"Give the action plan year ({FirstYear}..{LastYear}), e.g. {at.Year}.");
        }
        ValidateText(title, description, errors);
        ValidateMilestones(milestones, errors);
        if (parent is not null && parent.Year != year)
        {
            errors.Add("parent_measure_id",
                $"The parent measure belongs to {parent.Year}; a sub-measure is in the same year as its parent.");
        }
        if (parent is { IsSubMeasure: true })
        {
            errors.Add("parent_measure_id", "The parent is itself a sub-measure; attach the sub-measure to a top-level measure.");
        }
        errors.ThrowIfAny();
        return new Measure
        {
            NetworkId = networkId,
            Id = id,
            Year = year,
            Title = title.Trim(),
            Description = description,
            ParentMeasureId = parent?.Id,
            Status = MeasureStatus.NotStarted,
            Milestones = milestones,
            CreatedAt = at,
            UpdatedAt = at,
        };
    }

    public Measure Edit(string title, string description, MeasureStatus status, IReadOnlyList<Milestone> milestones, DateTimeOffset at)
    {
        var errors = new Violations();
        ValidateText(title, description, errors);
        ValidateMilestones(milestones, errors);
        errors.ThrowIfAny();
        return this with { Title = title.Trim(), Description = description, Status = status, Milestones = milestones, UpdatedAt = at };
    }

    public Measure AssignTo(Group group, DateTimeOffset at)
    {
        if (group.IsClosed)
        {
            throw new RuleViolationException("GROUP_CLOSED", $"groups/{group.Id}",
                $"The group is {group.State}; assign the measure to a working group.");
        }
        if (GroupId == group.Id)
        {
            throw new RuleViolationException("ALREADY_ASSIGNED", $"measures/{Id}", "The measure is already assigned to this group.");
        }
        return this with { GroupId = group.Id, UpdatedAt = at };
    }

    public Measure WithStatus(MeasureStatus status, DateTimeOffset at) => this with { Status = status, UpdatedAt = at };

    public Measure ReachMilestone(string milestoneId, string reachedBy, DateTimeOffset at)
    {
        var milestone = Milestones.FirstOrDefault(m => m.Id == milestoneId)
            ?? throw new NotFoundException("Milestone", $"measures/{Id}/milestones/{milestoneId}");
        if (milestone.IsReached)
        {
            throw new RuleViolationException("MILESTONE_ALREADY_REACHED", $"measures/{Id}/milestones/{milestoneId}",
                $"The milestone was reached on {milestone.ReachedAt:yyyy-MM-dd}; nothing to do.");
        }
        var reached = milestone with { ReachedAt = at, ReachedBy = reachedBy };
        var status = Status == MeasureStatus.NotStarted ? MeasureStatus.OnTrack : Status;
        return this with { Milestones = [.. Milestones.Select(m => m == milestone ? reached : m)], Status = status, UpdatedAt = at };
    }

    /// <summary>The rules of a measure's texts, for a request's validation to report with its other fields.</summary>
    public static void CheckText(string title, string description, IReadOnlyList<string> milestoneTitles, Violations errors)
    {
        ValidateText(title, description, errors);
        for (var i = 0; i < milestoneTitles.Count; i++)
        {
            CheckMilestoneTitle(i, milestoneTitles[i], errors);
        }
    }

    private static void CheckMilestoneTitle(int index, string title, Violations errors)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add($"milestones[{index}].title", "Give the milestone a title.");
        }
    }

    private static void ValidateText(string title, string description, Violations errors)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add("title", "Give the measure a title as in the action plan.");
        }
        else if (title.Length > 300)
        {
            errors.Add("title", "Keep the title under 300 characters; put the rest in the description.");
        }
        if (description.Length > 8000)
        {
            errors.Add("description", "Keep the description under 8000 characters.");
        }
    }

    private static void ValidateMilestones(IReadOnlyList<Milestone> milestones, Violations errors)
    {
        for (var i = 0; i < milestones.Count; i++)
        {
            CheckMilestoneTitle(i, milestones[i].Title, errors);
            if (!Identifiers.IsValid(milestones[i].Id))
            {
                errors.Add($"milestones[{i}].milestone_id", Identifiers.Rule);
            }
        }
        foreach (var duplicate in milestones.GroupBy(m => m.Id).Where(g => g.Count() > 1))
        {
            errors.Add("milestones", $"The milestone id '{duplicate.Key}' is used twice; give each milestone its own id.");
        }
    }
}
