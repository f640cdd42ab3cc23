using NetworkPlatform.Application;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Measures;

/// <summary>A milestone as the caller sent it (an empty id gets one generated; the due date as YYYY-MM-DD).</summary>
public sealed record MilestoneDraft(string MilestoneId, string Title, string DueDate);

/// <summary>A measure as the caller sent it; the status is null when unspecified.</summary>
public sealed record MeasureDraft(int Year, string Title, string Description, string ParentMeasureId, string GroupId, MeasureStatus? Status,
    IReadOnlyList<MilestoneDraft> Milestones);

/// <summary>The field rules, milestones and access of measures, shared by their use cases.</summary>
internal static class MeasureRules
{
    /// <summary>
    /// Every bad field of a measure draft at once: its texts as the measure checks them (only those <paramref name="paths"/>
    /// names, when given) and the milestones' dates.
    /// </summary>
    public static Violations MeasureFields(this Violations violations, MeasureDraft measure, IReadOnlyCollection<string>? paths = null)
    {
        bool Changes(string path) => paths is null || paths.Contains(path);
        var texts = new Violations();
        Measure.CheckText(Changes("title") ? measure.Title : "unchanged", Changes("description") ? measure.Description : "",
            Changes("milestones") ? [.. measure.Milestones.Select(m => m.Title)] : [], texts);
        foreach (var violation in texts.Items)
        {
            violations.Add("measure." + violation.Field, violation.Description);
        }
        return Changes("milestones") ? violations.MilestoneDates(measure.Milestones) : violations;
    }

    public static Violations MilestoneDates(this Violations violations, IReadOnlyList<MilestoneDraft> milestones)
    {
        for (var i = 0; i < milestones.Count; i++)
        {
            violations.Date($"measure.milestones[{i}].due_date", milestones[i].DueDate);
        }
        return violations;
    }

    /// <summary>The milestones of a validated draft; an edit keeps when and by whom an existing one was reached.</summary>
    public static IReadOnlyList<Milestone> Milestones(IReadOnlyList<MilestoneDraft> milestones, IReadOnlyList<Milestone> existing) =>
        [.. milestones.Select(m =>
        {
            var id = m.MilestoneId.Length == 0 ? Identifiers.New("ms") : m.MilestoneId;
            var kept = existing.FirstOrDefault(e => e.Id == id);
            // Reaching a milestone is ReachMilestone's business: an edit keeps when and by whom it was reached.
            return new Milestone(id, m.Title.Trim(), GroupsRules.ParseDate(m.DueDate), kept?.ReachedAt, kept?.ReachedBy);
        })];

    /// <summary>The secretariat, or the leader of the group that owns the measure.</summary>
    public static async Task EnsureSecretariatOrOwnerLeaderAsync(GroupsContext context, Caller caller, Measure measure,
        CancellationToken cancellationToken)
    {
        if (caller.HasRole(Roles.Secretariat))
        {
            return;
        }
        var owner = measure.GroupId is null
            ? null
            : await context.Store.GetAsync(GroupsCollections.Groups, measure.NetworkId, measure.GroupId, cancellationToken);
        if (owner is null || !caller.IsLeaderOf(owner.Document))
        {
            throw new PermissionDeniedException("LEADER_OR_SECRETARIAT_REQUIRED",
                $"Only the secretariat or the leader of the group that owns measure '{measure.Id}' may change it; ask one of them.");
        }
    }
}
