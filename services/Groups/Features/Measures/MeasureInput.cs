using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Domain;
using V1 = NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Features.Measures;

public static class MeasureInput
{
    public static IReadOnlyList<Milestone> Milestones(IEnumerable<V1.Milestone> milestones, IReadOnlyList<Milestone> existing, List<FieldError> errors) =>
        [.. milestones.Select((m, i) =>
        {
            var id = m.MilestoneId.Length == 0 ? Identifiers.New("ms") : m.MilestoneId;
            var kept = existing.FirstOrDefault(e => e.Id == id);
            // Reaching a milestone is ReachMilestone's business: an edit keeps when and by whom it was reached.
            return new Milestone(id, m.Title.Trim(), ProtoDates.ParseDate(m.DueDate, $"measure.milestones[{i}].due_date", errors), kept?.ReachedAt, kept?.ReachedBy);
        })];

    public static T Apply<T>(Func<T> change)
    {
        try
        {
            return change();
        }
        catch (InvalidFieldsException e)
        {
            throw e.WithPrefix("measure.");
        }
    }

    public static void RequireIds(string networkId, string measureId)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(networkId))
        {
            errors.Add(new("network_id", "Name the network (tenant)."));
        }
        if (string.IsNullOrWhiteSpace(measureId))
        {
            errors.Add(new("measure_id", "Name the measure; list the measures of the year to find its id."));
        }
        InvalidFieldsException.ThrowIfAny(errors);
    }
}
