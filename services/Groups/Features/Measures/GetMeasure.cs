using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Measure = NetworkPlatform.Groups.Domain.Measure;

namespace NetworkPlatform.Groups.Features.Measures;

public sealed class GetMeasure(IDocumentStore store)
{
    public async Task<Versioned<Measure>> HandleAsync(GetMeasureRequest request, Caller caller, CancellationToken cancellationToken)
    {
        MeasureInput.RequireIds(request.NetworkId, request.MeasureId);
        caller.EnsureNetwork(request.NetworkId);
        return await store.LoadAsync(GroupsCollections.Measures, request.NetworkId, request.MeasureId, cancellationToken);
    }
}
