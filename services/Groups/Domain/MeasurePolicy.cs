using NetworkPlatform.Application.Failures;
using NetworkPlatform.Events;
using System.Text.Json.Serialization;

namespace NetworkPlatform.Groups.Domain;

/// <summary>The network's rule for how many top-level measures each group of the given kinds owns per year.</summary>
public sealed record MeasurePolicy
{
    [JsonConstructor]
    private MeasurePolicy()
    {
    }

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public int MeasuresPerGroup { get; private init; }

    [JsonInclude]
    public IReadOnlyList<GroupKind> GroupKinds { get; private init; } = [];

    public const string DocumentId = "measure-policy";

    /// <summary>When no kinds are named, the groups that do the network's work.</summary>
    public static readonly IReadOnlyList<GroupKind> DefaultKinds = [GroupKind.WorkingGroup, GroupKind.ThematicGroup, GroupKind.TaskForce];

    /// <summary>The partnership's principle (003): "hver gruppe har ansvar for to av partnerskapets felles tiltak".</summary>
    public static MeasurePolicy Default(string networkId) => new() { NetworkId = networkId, MeasuresPerGroup = 2,
        GroupKinds = DefaultKinds };

    public static MeasurePolicy Create(string networkId, int measuresPerGroup, IReadOnlyList<GroupKind> kinds)
    {
        if (measuresPerGroup is < 0 or > 50)
        {
            throw new InvalidFieldsException("measures_per_group", "Give the number of measures each group owns per year (0..50).");
        }
        return new MeasurePolicy
        {
            NetworkId = networkId,
            MeasuresPerGroup = measuresPerGroup,
            GroupKinds = kinds.Count == 0 ? DefaultKinds : [.. kinds.Distinct()],
        };
    }

    public bool AppliesTo(Group group) => GroupKinds.Contains(group.Details.Kind) && !group.IsClosed;

    /// <summary>Each group the policy applies to, with the top-level measures of the year it owns.</summary>
    public MeasurePolicyReport Report(int year, IEnumerable<Group> groups, IEnumerable<Measure> measures)
    {
        var topLevel = measures.Where(m => m.Year == year && !m.IsSubMeasure && m.Status != MeasureStatus.Cancelled).ToList();
        var rows = groups.Where(AppliesTo).OrderBy(g => g.Id, StringComparer.Ordinal).Select(group =>
        {
            var owned = topLevel.Where(m => m.GroupId == group.Id).Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
            var compliance = owned.Count < MeasuresPerGroup ? MeasureCompliance.TooFew
                : owned.Count > MeasuresPerGroup ? MeasureCompliance.TooMany
                : MeasureCompliance.Meets;
            return new GroupMeasureCompliance(group.Id, group.Details.DisplayName, owned, MeasuresPerGroup, compliance);
        }).ToList();
        var ownerIds = groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var unassigned = topLevel.Where(m => m.GroupId is null || !ownerIds.Contains(m.GroupId)).Select(m
            => m.Id).Order(StringComparer.Ordinal).ToList();
        return new MeasurePolicyReport(year, this, rows, unassigned);
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<MeasureCompliance>))]
public enum MeasureCompliance
{
    Meets,
    TooFew,
    TooMany,
}

public sealed record GroupMeasureCompliance(string GroupId, string DisplayName, IReadOnlyList<string> MeasureIds, int Required,
    MeasureCompliance Compliance);

public sealed record MeasurePolicyReport(int Year, MeasurePolicy Policy, IReadOnlyList<GroupMeasureCompliance> Groups,
    IReadOnlyList<string> UnassignedMeasureIds)
{
    public bool Compliant => UnassignedMeasureIds.Count == 0 && Groups.All(g => g.Compliance == MeasureCompliance.Meets);
}
