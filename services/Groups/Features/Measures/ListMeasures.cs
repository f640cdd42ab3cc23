using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Measure = NetworkPlatform.Groups.Domain.Measure;

namespace NetworkPlatform.Groups.Features.Measures;

/// <summary>The action plan's measures, by id, filtered by year, owning group and parent measure.</summary>
public sealed class ListMeasures(IDocumentStore store)
{
    public async Task<Page<Measure>> HandleAsync(ListMeasuresRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.EnsureNetwork(request.NetworkId);
        var query = GroupsCollections.Measures.Query().Page(ListGroups.PageSize(request.PageSize),
            ListGroups.NullIfEmpty(request.PageToken));
        if (request.Year != 0)
        {
            query = query.Where(m => m.Year, request.Year);
        }
        if (request.GroupId.Length > 0)
        {
            query = query.Where(m => m.GroupId, request.GroupId);
        }
        if (request.ParentMeasureId.Length > 0)
        {
            query = query.Where(m => m.ParentMeasureId, request.ParentMeasureId);
        }
        return await store.QueryAsync(GroupsCollections.Measures, request.NetworkId, query, cancellationToken);
    }
}
