using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Storage;

/// <summary>The groups service's documents. Every one is scoped by network (tenant) in the store.</summary>
public static class GroupsCollections
{
    public const string KindIndex = "kind";
    public const string StateIndex = "state";
    public const string ScopeIndex = "scope";
    public const string YearIndex = "year";
    public const string GroupIndex = "group";
    public const string ParentIndex = "parent";

    public static readonly DocumentCollection<Group> Groups = new("groups", g => g.Id, new Dictionary<string, Func<Group, string?>>
    {
        [KindIndex] = g => g.Details.Kind.ToString(),
        [StateIndex] = g => g.State.ToString(),
        [ScopeIndex] = g => g.Details.Scope.ToString(),
    });

    public static readonly DocumentCollection<Measure> Measures = new("measures", m => m.Id, new Dictionary<string, Func<Measure, string?>>
    {
        [YearIndex] = m => m.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [GroupIndex] = m => m.GroupId,
        [ParentIndex] = m => m.ParentMeasureId,
    });

    public static readonly DocumentCollection<MeasurePolicy> MeasurePolicies = new("measure-policies", _ => MeasurePolicy.DocumentId);

    public static readonly DocumentCollection<AnnualWheel> AnnualWheels = new("annual-wheels", w => AnnualWheel.DocumentId(w.GroupId, w.Year),
        new Dictionary<string, Func<AnnualWheel, string?>> { [GroupIndex] = w => w.GroupId });

    /// <summary>request_id of creates already done, so a retried create returns what the first one made.</summary>
    public static readonly DocumentCollection<CreateRequest> CreateRequests = new("create-requests", r => r.Id);
}

/// <summary>Id is "kind:request_id"; ResourceId is the created group or measure.</summary>
public sealed record CreateRequest(string Id, string ResourceId);
