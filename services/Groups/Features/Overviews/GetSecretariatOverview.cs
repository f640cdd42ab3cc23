using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Overviews;

/// <param name="Year">The action plan year; 0 for this year.</param>
public sealed record GetSecretariatOverviewQuery(string NetworkId, int Year) : INetworkRequest;

/// <summary>A group with the measures it owns in the year.</summary>
public sealed record GroupOverview(Group Group, IReadOnlyList<Measure> Measures);

/// <summary>Every group of the network with its people and the measures it owns this year: the secretariat's contact list.</summary>
public sealed class GetSecretariatOverview(GroupsContext context) : IUseCase<GetSecretariatOverviewQuery, IReadOnlyList<GroupOverview>>
{
    public void Authorize(GetSecretariatOverviewQuery query, Caller caller) => caller.EnsureSecretariat();

    public void Validate(GetSecretariatOverviewQuery query, Violations violations) => violations.Require(
        query.Year == 0 || query.Year is >= Measure.FirstYear and <= Measure.LastYear, "year",
        $"Give the year ({Measure.FirstYear}..{Measure.LastYear}), or 0 for this year.");

    public async Task<IReadOnlyList<GroupOverview>> HandleAsync(GetSecretariatOverviewQuery query, Caller caller,
        CancellationToken cancellationToken)
    {
        var year = query.Year == 0 ? context.Now.Year : query.Year;
        var groups = await context.Store.ReadAllAsync(GroupsCollections.Groups, query.NetworkId, GroupsCollections.Groups.Query(),
            cancellationToken);
        var measures = (await context.Store.ReadAllAsync(GroupsCollections.Measures, query.NetworkId,
            GroupsCollections.Measures.Query().Where(m => m.Year, year), cancellationToken))
            .Where(m => m.GroupId is not null).ToLookup(m => m.GroupId!);
        return [.. groups.Select(g => new GroupOverview(g, [.. measures[g.Id]]))];
    }
}
