using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Measures;

/// <param name="Year">Only this year's measures; 0 for all (GroupId and ParentMeasureId: empty for all).</param>
public sealed record ListMeasuresQuery(string NetworkId, int Year, string GroupId, string ParentMeasureId, int PageSize, string PageToken)
    : INetworkRequest;

/// <summary>The action plan's measures, by id, filtered by year, owning group and parent measure.</summary>
public sealed class ListMeasures(GroupsContext context) : IUseCase<ListMeasuresQuery, Page<Measure>>
{
    public void Authorize(ListMeasuresQuery query, Caller caller)
    {
    }

    public void Validate(ListMeasuresQuery query, Violations violations) => violations.PageSize("page_size", query.PageSize);

    public Task<Page<Measure>> HandleAsync(ListMeasuresQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var measures = GroupsCollections.Measures.Query().Page(Paging.Size(query.PageSize), Paging.Token(query.PageToken));
        if (query.Year != 0)
        {
            measures = measures.Where(m => m.Year, query.Year);
        }
        if (query.GroupId.Length > 0)
        {
            measures = measures.Where(m => m.GroupId, query.GroupId);
        }
        if (query.ParentMeasureId.Length > 0)
        {
            measures = measures.Where(m => m.ParentMeasureId, query.ParentMeasureId);
        }
        return context.Store.QueryAsync(GroupsCollections.Measures, query.NetworkId, measures, cancellationToken);
    }
}
