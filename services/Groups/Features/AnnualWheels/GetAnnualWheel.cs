using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using AnnualWheel = NetworkPlatform.Groups.Domain.AnnualWheel;

namespace NetworkPlatform.Groups.Features.AnnualWheels;

/// <summary>A group's annual wheel for a year; an empty one (version 0) while nothing is planned.</summary>
public sealed class GetAnnualWheel(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<AnnualWheel>> HandleAsync(GetAnnualWheelRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        var year = request.Year == 0 ? clock.GetUtcNow().Year : request.Year;
        var group = await store.LoadAsync(GroupsCollections.Groups, request.NetworkId, request.GroupId, cancellationToken);
        return await store.GetAsync(GroupsCollections.AnnualWheels, request.NetworkId, AnnualWheel.DocumentId(group.Document.Id, year), cancellationToken)
            ?? new Versioned<AnnualWheel>(new AnnualWheel(request.NetworkId, group.Document.Id, year, [], group.Document.UpdatedAt), 0);
    }
}
