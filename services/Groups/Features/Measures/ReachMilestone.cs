using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Measure = NetworkPlatform.Groups.Domain.Measure;

namespace NetworkPlatform.Groups.Features.Measures;

/// <summary>The owning group's leader (or the secretariat) marks a milestone reached.</summary>
public sealed class ReachMilestone(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Measure>> HandleAsync(ReachMilestoneRequest request, Caller caller, CancellationToken cancellationToken)
    {
        MeasureInput.RequireIds(request.NetworkId, request.MeasureId);
        caller.EnsureNetwork(request.NetworkId);
        if (string.IsNullOrWhiteSpace(request.MilestoneId))
        {
            throw new InvalidFieldsException("milestone_id", "Name the milestone; the measure lists its milestones.");
        }
        var current = await store.LoadAsync(GroupsCollections.Measures, request.NetworkId, request.MeasureId, cancellationToken);
        await MeasureAccess.EnsureSecretariatOrOwnerLeaderAsync(store, caller, current.Document, cancellationToken);
        var at = clock.GetUtcNow();
        return await store.ChangeAsync(GroupsCollections.Measures, request.NetworkId, request.MeasureId, request.Etag.Length > 0 ? request.Etag : current.ETag, measure =>
        {
            var reached = measure.ReachMilestone(request.MilestoneId, caller.Subject, at);
            var milestone = reached.Milestones.First(m => m.Id == request.MilestoneId);
            return (reached, version => [
                new MilestoneReached(Guid.NewGuid(), at, request.NetworkId, measure.Id, version, measure.Id, milestone.Id, milestone.Title, measure.GroupId, caller.Subject),
                .. MeasureStatusEvents.Changed(measure, reached, version, at, caller.Subject)]);
        }, cancellationToken);
    }
}
