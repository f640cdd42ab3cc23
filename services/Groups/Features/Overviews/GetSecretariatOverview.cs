using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;
using Measure = NetworkPlatform.Groups.Domain.Measure;

namespace NetworkPlatform.Groups.Features.Overviews;

/// <summary>Every group of the network with its people and the measures it owns this year: the secretariat's contact list.</summary>
public sealed class GetSecretariatOverview(IDocumentStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<(Group Group, IReadOnlyList<Measure> Measures)>> HandleAsync(GetSecretariatOverviewRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureSecretariat();
        var year = request.Year == 0 ? clock.GetUtcNow().Year : request.Year;
        if (year is < Measure.FirstYear or > Measure.LastYear)
        {
            throw new InvalidFieldsException("year", $"Give the year ({Measure.FirstYear}..{Measure.LastYear}), or 0 for this year.");
        }
        var groups = await store.ReadAllAsync(GroupsCollections.Groups, request.NetworkId, GroupsCollections.Groups.Query(),
            cancellationToken);
        var measures = (await store.ReadAllAsync(GroupsCollections.Measures, request.NetworkId,
            GroupsCollections.Measures.Query().Where(m => m.Year, year), cancellationToken))
            .Where(m => m.GroupId is not null).ToLookup(m => m.GroupId!);
        return [.. groups.Select(g => (g, (IReadOnlyList<Measure>)[.. measures[g.Id]]))];
    }
}
