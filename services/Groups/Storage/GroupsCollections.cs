using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Storage;

/// <summary>The groups service's documents. Every one is scoped by network (tenant) in the store.</summary>
public static class GroupsCollections
{
    /// <summary>By kind, state and scope (a list filtering on several reads one of them and checks the others).</summary>
    public static readonly DocumentCollection<Group> Groups = new DocumentCollection<Group>("groups", g => g.Id)
        .WithIndex("kind", g => g.Details.Kind)
        .WithIndex("state", g => g.State)
        .WithIndex("scope", g => g.Details.Scope);

    public static readonly DocumentCollection<Measure> Measures = new DocumentCollection<Measure>("measures", m => m.Id)
        .WithIndex("year", m => m.Year)
        .WithIndex("group", m => m.GroupId)
        .WithIndex("parent", m => m.ParentMeasureId);

    public static readonly DocumentCollection<MeasurePolicy> MeasurePolicies = new("measure-policies", _ => MeasurePolicy.DocumentId);

    public static readonly DocumentCollection<AnnualWheel> AnnualWheels = new DocumentCollection<AnnualWheel>(
            "annual-wheels", w => AnnualWheel.DocumentId(w.GroupId, w.Year))
        .WithIndex("group", w => w.GroupId);

    /// <summary>
    /// The request_ids of creates before the one way (Writes keeps new ones in IdempotencyKeys). Only read, so a retry
    /// that straddles the upgrade still gets its first result; delete a day after every deployment has the one way.
    /// </summary>
    public static readonly DocumentCollection<CreateRequest> CreateRequests = new("create-requests", r => r.Id);

    /// <summary>Every collection, for the migration that creates their indexes.</summary>
    public static IReadOnlyCollection<IDocumentCollection> All { get; } = [Groups, Measures, MeasurePolicies, AnnualWheels, CreateRequests];
}

/// <summary>Id is "kind:request_id" (kind "group" or "measure"); ResourceId is the created group or measure.</summary>
public sealed record CreateRequest(string Id, string ResourceId)
{
    /// <summary>What a create with <paramref name="requestId"/> made before the upgrade, or null.</summary>
    public static async Task<string?> EarlierResultAsync(IDocumentStore store, string networkId, string kind, string requestId,
        CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(requestId)
            ? null
            : (await store.GetAsync(GroupsCollections.CreateRequests, networkId, $"{kind}:{requestId}",
                cancellationToken))?.Document.ResourceId;
}
