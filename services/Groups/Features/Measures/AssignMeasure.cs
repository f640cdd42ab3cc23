using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Measure = NetworkPlatform.Groups.Domain.Measure;

namespace NetworkPlatform.Groups.Features.Measures;

/// <summary>The secretariat gives a measure to a group (taking it from its previous owner, if any).</summary>
public sealed class AssignMeasure(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Measure>> HandleAsync(AssignMeasureRequest request, Caller caller, CancellationToken cancellationToken)
    {
        MeasureInput.RequireIds(request.NetworkId, request.MeasureId);
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureSecretariat();
        if (string.IsNullOrWhiteSpace(request.GroupId))
        {
            throw new InvalidFieldsException("group_id", "Name the group that takes the measure.");
        }
        var group = await store.LoadAsync(GroupsCollections.Groups, request.NetworkId, request.GroupId, cancellationToken);
        var at = clock.GetUtcNow();
        return await store.ChangeAsync(GroupsCollections.Measures, request.NetworkId, request.MeasureId, request.Etag, measure =>
        {
            var assigned = measure.AssignTo(group.Document, at);
            return (assigned, version => [new MeasureAssigned(Guid.NewGuid(), at, request.NetworkId, measure.Id, version, measure.Id, measure.Year, group.Document.Id, measure.GroupId)]);
        }, cancellationToken);
    }
}
